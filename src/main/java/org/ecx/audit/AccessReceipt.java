package org.ecx.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often a state read a denial, and when first and last (from the audit log). */
@Schema(name = "AccessReceipt")
public record AccessReceipt(
        @Schema(required = true, example = "FR") String state,
        @Schema(required = true) long reads,
        @Schema(required = true) Instant firstReadAt,
        @Schema(required = true) Instant lastReadAt) {
}
