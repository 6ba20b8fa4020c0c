package org.ecx.denial;

import java.time.Instant;

/** One stored version of a denial: the originator's content plus the lifecycle fields at that version. */
public record DenialSnapshot(
        DenialRequest content,
        DenialStatus status,
        Instant notifiedAt,
        Instant reviewDueAt,
        Revocation revocation,
        Instant updatedAt) {
}
