package org.ecx.denial;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A licence granted by another state despite this denial (SPEC §5). Shown with the denial to every state
 * that sees it; it names the granting state, when, and the consultation, nothing of the licence itself.
 */
@Schema(name = "UndercutNotice")
public record UndercutNotice(
        @Schema(required = true, example = "FR") String grantingState,
        @Schema(required = true) Instant grantedAt,
        @Schema(required = true) UUID consultationId) {
}
