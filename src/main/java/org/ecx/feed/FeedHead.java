package org.ecx.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the feed's last sequence number. {@link ChangeFeed} locks it for the rest of the
 * writing transaction, so feed numbers follow commit order and have no gaps (ADR 0004).
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
