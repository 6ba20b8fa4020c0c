package org.ecx.denial;

/**
 * Lifecycle of a denial (SPEC §3). ACTIVE, RENEWED and REVOKED are stored; REVIEW_OVERDUE is derived from
 * the clock whenever {@code reviewDueAt} has passed on a denial that is not revoked.
 */
public enum DenialStatus {
    ACTIVE, REVIEW_OVERDUE, RENEWED, REVOKED
}
