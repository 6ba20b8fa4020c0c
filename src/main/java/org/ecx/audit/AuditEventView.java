package org.ecx.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit event as served to auditors. */
@Schema(name = "AuditEvent")
public record AuditEventView(
        @Schema(required = true, description = "Position of the event among the caller's events in this listing"
                + " (matching its filters), from 1, in chain order; not the global sequence number, which would"
                + " count other states' events") long seq,
        @Schema(required = true) Instant at,
        @Schema(description = "Absent for events raised by ECX itself") String actorState,
        @Schema(required = true) String actor,
        @Schema(required = true, example = "STATE_UPDATED") String action,
        @Schema(required = true, example = "DENIAL") String recordType,
        String recordId,
        String ownerState,
        @Schema(required = true, description = "The event's keyed chain hash: a reference to it (e.g. to keep as a"
                + " checkpoint for verify); the link to the event before it, which may be another state's, is not"
                + " served") String hash) {

    static AuditEventView of(AuditEvent e, long position) {
        return new AuditEventView(position, e.at, e.actorState, e.actor, e.action, e.recordType, e.recordId,
                e.ownerState, e.hash);
    }
}
