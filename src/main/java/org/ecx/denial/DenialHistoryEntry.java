package org.ecx.denial;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version in {@code GET /denials/{id}/history}, redacted like every other read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DenialHistoryEntry")
public record DenialHistoryEntry(
        @Schema(required = true) int version,
        @Schema(required = true, enumeration = {"CREATED", "AMENDED", "RENEWED", "REVOKED"}) String changeType,
        @Schema(required = true) Instant changedAt,
        @Schema(description = "The official who made the change; shown to the notifying state only") String changedBy,
        @Schema(required = true) DenialView denial) {
}
