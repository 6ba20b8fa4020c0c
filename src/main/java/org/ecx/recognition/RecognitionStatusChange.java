package org.ecx.recognition;

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

/** One status a recognition entered (creation included), never updated: the check answers for past dates from it. */
@Entity
@Table(name = "recognition_status_change")
@IdClass(RecognitionStatusChange.Key.class)
public class RecognitionStatusChange extends PanacheEntityBase {

    @Id
    @Column(name = "recognition_id")
    public UUID recognitionId;

    @Id
    public int version;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Column(length = 2000)
    public String reason;

    public static class Key implements Serializable {
        public UUID recognitionId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.recognitionId, recognitionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recognitionId, version);
        }
    }
}
