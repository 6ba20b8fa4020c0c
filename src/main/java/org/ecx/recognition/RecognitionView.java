package org.ecx.recognition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ecx.access.Distribution;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recognition as one viewer may see it: only the recognizing state sees the distribution's regime and states. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Recognition")
public record RecognitionView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "DE") String recognizingState,
        @Schema(required = true, example = "FR") String recognizedState,
        @Schema(required = true) String instrument,
        @Schema(required = true) RecognitionScope scope,
        String conditions,
        @Schema(required = true) LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @Schema(required = true) RecognitionStatus status,
        @Schema(required = true, description = "Only the recognizing state sees regime and states") Distribution distribution,
        @Schema(required = true) long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    /** This view as {@code viewer} (who already sees the record) may see it. */
    public RecognitionView forViewer(String viewer) {
        if (viewer.equals(recognizingState)) {
            return this;
        }
        return new RecognitionView(id, recognizingState, recognizedState, instrument, scope, conditions,
                effectiveFrom, effectiveTo, status, distribution.scopeOnly(), version, createdAt, updatedAt);
    }
}
