package org.ecx.recognition;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code GET /recognitions/check}: recognized when at least one visible record is the basis. */
@Schema(name = "RecognitionCheck")
public record RecognitionCheck(
        @Schema(required = true) boolean recognized,
        @Schema(required = true, description = "Ids of the recognitions that cover the case") List<UUID> basis) {
}
