package org.ecx.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the append-only, hash-chained audit log (SPEC §9). Rows are never updated or deleted. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public long seq;

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

    @Column(name = "previous_hash", nullable = false, length = 64)
    public String previousHash;

    @Column(nullable = false, length = 64)
    public String hash;
}
