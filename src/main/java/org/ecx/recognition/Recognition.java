package org.ecx.recognition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A mutual-recognition record. {@link #body} is the recognizing state's {@link RecognitionRequest}; the columns
 * serve ordering, filters, the check and the visibility predicate of {@link RecognitionVisibility}.
 */
@Entity
@Table(name = "recognition")
public class Recognition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Long seq;

    @Column(name = "recognizing_state", nullable = false, length = 2)
    public String recognizingState;

    @Column(name = "recognized_state", nullable = false, length = 2)
    public String recognizedState;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "dist_scope", nullable = false, length = 20)
    public String distScope;

    @Column(name = "dist_regime", length = 10)
    public String distRegime;

    @ElementCollection
    @CollectionTable(name = "recognition_recipient", joinColumns = @JoinColumn(name = "recognition_id"))
    @Column(name = "state", length = 2)
    public Set<String> recipients = new HashSet<>();

    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;
}
