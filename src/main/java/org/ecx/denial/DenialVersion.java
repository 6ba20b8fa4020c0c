package org.ecx.denial;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of a denial ({@link DenialSnapshot} as JSON). */
@Entity
@Table(name = "denial_version")
@IdClass(DenialVersion.Key.class)
public class DenialVersion extends PanacheEntityBase {

    @Id
    @Column(name = "denial_id")
    public UUID denialId;

    @Id
    public int version;

    @Column(name = "change_type", nullable = false, length = 20)
    public String changeType;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;

    public static class Key implements Serializable {
        public UUID denialId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.denialId, denialId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(denialId, version);
        }
    }
}
