package org.ecx.recognition;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a recognition (SPEC §7): PROPOSED → ACTIVE ⇄ SUSPENDED → TERMINATED.
 *
 * <p>Decision: PROPOSED → TERMINATED is allowed. It is how a recognizing state withdraws a proposal that
 * never came into force; nothing is ever deleted, and without it an abandoned proposal would stay PROPOSED
 * for ever. Every other move (back to PROPOSED, out of TERMINATED, PROPOSED → SUSPENDED, a "change" to the
 * current status) is a 409.
 */
public enum RecognitionStatus {
    PROPOSED, ACTIVE, SUSPENDED, TERMINATED;

    public Set<RecognitionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(SUSPENDED, TERMINATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, TERMINATED);
            case TERMINATED -> EnumSet.noneOf(RecognitionStatus.class);
        };
    }

    public boolean canBecome(RecognitionStatus target) {
        return next().contains(target);
    }

    /** The change type of the feed and the suffix of the audit action for a move into this status. */
    public String changeType() {
        return switch (this) {
            case PROPOSED -> "CREATED";
            case ACTIVE -> "ACTIVATED";
            case SUSPENDED -> "SUSPENDED";
            case TERMINATED -> "TERMINATED";
        };
    }
}
