package org.ecx.controllist;

/**
 * Status of one entry of an edition: ACTIVE (controlled), PROVISIONAL (controlled pending adoption by the
 * regime; needs a {@code reviewBy} date) or RESERVED (number kept, nothing controlled under it).
 */
public enum EntryStatus {
    ACTIVE,
    PROVISIONAL,
    RESERVED
}
