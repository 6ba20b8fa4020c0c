package org.ecx.denial;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revocation as recorded on the denial; its reason is released like the rationale. */
@Schema(name = "Revocation")
public record Revocation(Instant at, @Schema(description = "Sensitive (group rationale)") String reason) {

    /** Body of {@code POST /denials/{id}/revocation}. */
    @Schema(name = "RevocationRequest")
    public record Request(@NotBlank @Size(max = 2000) @Schema(required = true) String reason) {
    }
}
