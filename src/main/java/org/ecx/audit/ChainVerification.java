package org.ecx.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of re-computing the audit hash chain. */
@Schema(name = "AuditVerification")
public record ChainVerification(
        @Schema(required = true) boolean valid,
        @Schema(required = true, description = "Number of the caller's own events (actor or owner of the record)"
                + " that verified; the whole chain is checked, other states' events are not counted") long checked,
        @Schema(description = "Position, among the caller's events (as GET /audit numbers them"
                + " without filters), of its first event at or after the break in the chain; absent when valid or"
                + " when the break lies after the caller's last event")
        Long firstBrokenSeq) {
}
