package org.ecx.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A no-undercut consultation between the consulting state and the denial's notifying state (SPEC §5). */
@Entity
@Table(name = "consultation")
public class Consultation extends PanacheEntityBase {

    /** HQL predicate on alias {@code c} with parameter {@code :viewer}: only the two states see it. */
    public static final String VISIBLE = "(c.consultingState = :viewer or c.consultedState = :viewer)";

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Long seq;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "consulting_state", nullable = false, length = 2)
    public String consultingState;

    @Column(name = "consulted_state", nullable = false, length = 2)
    public String consultedState;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "proposed_transaction", nullable = false, columnDefinition = "jsonb")
    public String proposedTransaction;

    @Column(nullable = false, length = 4000)
    public String question;

    @Column(name = "reply_working_days", nullable = false)
    public int replyWorkingDays;

    @Column(name = "reply_due_at", nullable = false)
    public Instant replyDueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ConsultationState state;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    public Position position;

    @Column(name = "reply_comment", length = 4000)
    public String replyComment;

    @Column(name = "replied_at")
    public Instant repliedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Outcome outcome;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
