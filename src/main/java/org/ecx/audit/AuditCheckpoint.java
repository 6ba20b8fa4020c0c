package org.ecx.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A signed checkpoint of the chain's head, written by the sequencer (ADR 0007). Rows are never changed. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(nullable = false, length = 64)
    public String hash;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "key_id", nullable = false, length = 64)
    public String keyId;

    @Column(nullable = false, length = 200)
    public String signature;

    static Optional<AuditCheckpoint> latest() {
        return AuditCheckpoint.<AuditCheckpoint>find("order by seq desc").firstResultOptional();
    }
}
