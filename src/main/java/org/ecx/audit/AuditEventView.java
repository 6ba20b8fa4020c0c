package org.ecx.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit event as served to auditors. */
@Schema(name = "AuditEvent")
public record AuditEventView(
        @Schema(required = true) long seq,
        @Schema(required = true) Instant at,
        @Schema(description = "Absent for events raised by ECX itself") String actorState,
        @Schema(required = true) String actor,
        @Schema(required = true, example = "STATE_UPDATED") String action,
        @Schema(required = true, example = "DENIAL") String recordType,
        String recordId,
        String ownerState,
        @Schema(required = true) String hash,
        @Schema(required = true) String previousHash) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.seq, e.at, e.actorState, e.actor, e.action, e.recordType, e.recordId,
                e.ownerState, e.hash, e.previousHash);
    }
}
