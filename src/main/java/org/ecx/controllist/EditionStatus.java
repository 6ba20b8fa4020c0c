package org.ecx.controllist;

/** An edition is imported as a DRAFT and is in force only once PUBLISHED; publishing is one-way. */
public enum EditionStatus {
    DRAFT,
    PUBLISHED
}
