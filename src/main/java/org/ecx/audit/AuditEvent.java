package org.ecx.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the append-only, hash-chained audit log (SPEC §9). The writing transaction inserts it unsealed;
 * the sequencer ({@link AuditSealer}) later fills in {@link #seq}, {@link #previousHash} and {@link #hash}, once
 * (ADR 0007). Readers see sealed events only. Rows are never deleted.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Position in the chain; null until sealed. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public Instant at;

    /** State of the actor; null for events raised by ECX itself (schedulers). */
    @Column(name = "actor_state", length = 2)
    public String actorState;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(name = "record_type", nullable = false, length = 32)
    public String recordType;

    @Column(name = "record_id", length = 100)
    public String recordId;

    /** State that owns the record acted upon (e.g. the notifying state of a denial). */
    @Column(name = "owner_state", length = 2)
    public String ownerState;

    @Column(name = "previous_hash", length = 64, insertable = false, updatable = false)
    public String previousHash;

    @Column(length = 64, insertable = false, updatable = false)
    public String hash;

    AuditChain.Link link() {
        return new AuditChain.Link(seq, at, actorState, actor, action, recordType, recordId, ownerState,
                previousHash);
    }
}
