package org.ecx.denial;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A licence granted by another state despite this denial (SPEC §5). Shown with the denial to every state
 * that sees it; it names the granting state, when, and the consultation, nothing of the licence itself. On a
 * {@code STATES} denial the granting state and the consultation are shown only to the notifying state and to
 * the granting state: to other recipients they would reveal a co-recipient (SPEC §2).
 */
@Schema(name = "UndercutNotice")
public record UndercutNotice(
        @Schema(example = "FR", description = "Absent for other recipients of a STATES denial") String grantingState,
        @Schema(required = true) Instant grantedAt,
        @Schema(description = "Absent for other recipients of a STATES denial") UUID consultationId) {

    /** The notice without who granted: that an undercut happened, and when. */
    public UndercutNotice withoutGrantingState() {
        return new UndercutNotice(null, grantedAt, null);
    }
}
