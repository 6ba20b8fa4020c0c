package org.ecx.recognition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /recognitions/{id}/status}. */
@Schema(name = "RecognitionStatusChange")
public record StatusChangeRequest(
        @NotNull @Schema(required = true) RecognitionStatus status,
        @Size(max = 2000) @Schema(description = "Why (kept with the status history)") String reason) {
}
