package org.ecx.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change in the feed (SPEC §8). It names the record and the change; who may see it is decided when it
 * is read, by {@link #audience}: the record's own visibility rule as it is NOW (denials, recognitions), the
 * two parties (consultations), or every partner (control-list editions). Rows are never updated, except that
 * the sequencer seals each once ({@link #seq}).
 */
@Entity
@Table(name = "feed_change")
public class FeedChange extends PanacheEntityBase {

    /** Who may see a change. */
    public enum Audience {
        /** Whoever sees the record now, by the record type's visibility predicate. */
        RECORD,
        /** {@link #partyA} and {@link #partyB} only. */
        PARTIES,
        /** Every active partner. */
        ALL_PARTNERS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Position in the feed, assigned by the sequencer after commit (ADR 0007); null until then. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "record_type", nullable = false, length = 32)
    public String recordType;

    @Column(name = "record_id", nullable = false, length = 100)
    public String recordId;

    @Column(name = "record_uuid")
    public UUID recordUuid;

    @Column(name = "record_version")
    public Integer recordVersion;

    @Column(name = "change_type", nullable = false, length = 40)
    public String changeType;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Audience audience;

    @Column(name = "owner_state", length = 2)
    public String ownerState;

    @Column(name = "party_a", length = 2)
    public String partyA;

    @Column(name = "party_b", length = 2)
    public String partyB;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String payload;
}
