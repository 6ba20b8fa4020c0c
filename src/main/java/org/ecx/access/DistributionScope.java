package org.ecx.access;

/** Who may see a shared record besides its originating state (SPEC §2). */
public enum DistributionScope {
    /** Every active partner state. */
    ALL_PARTNERS,
    /** Current members of one regime. */
    REGIME,
    /** The listed states. */
    STATES,
    /** The originating state only. */
    ORIGINATOR
}
