package org.ecx.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the chain's last sequence number and hash. Only the sequencer writes it, under its
 * row lock, as it seals events (ADR 0007); writers never touch it.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    public static final long ID = 1L;

    @Id
    public long id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    public String lastHash;

    /** Events up to this seq were sealed before the chain was keyed (plain SHA-256). */
    @Column(name = "keyed_after", nullable = false)
    public long keyedAfter;
}
