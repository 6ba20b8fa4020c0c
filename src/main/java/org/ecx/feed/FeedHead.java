package org.ecx.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the feed's last sealed position. Only the sequencer ({@link FeedSealer}) moves it, in
 * the transaction that seals the changes up to it (ADR 0007); readers scan up to it.
 */
@Entity
@Table(name = "feed_head")
public class FeedHead extends PanacheEntityBase {

    public static final long ID = 1L;

    @Id
    public long id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
}
