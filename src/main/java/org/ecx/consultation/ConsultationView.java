package org.ecx.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ecx.denial.DenialSummary;

/** A consultation as one of its two states sees it; the denial only as redacted for that reader. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Consultation")
public record ConsultationView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID denialId,
        @Schema(required = true) String consultingState,
        @Schema(required = true) String consultedState,
        @Schema(required = true) Instant openedAt,
        @Schema(required = true) ConsultationRequests.ProposedTransaction proposedTransaction,
        @Schema(required = true) String question,
        @Schema(required = true) ConsultationState state,
        @Schema(required = true, description = "Working days allowed for the reply, extensions included")
        int replyWorkingDays,
        @Schema(required = true) Instant replyDueAt,
        Position position,
        String replyComment,
        Instant repliedAt,
        Outcome outcome,
        Instant outcomeAt,
        @Schema(required = true) long version,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "The denial, redacted for the reader; absent once the reader no longer sees it")
        DenialSummary denial) {
}
