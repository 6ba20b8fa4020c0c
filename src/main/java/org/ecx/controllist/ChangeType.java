package org.ecx.controllist;

/** What a change of a list's feed records. Drafts are not changes: only published editions are in force. */
public enum ChangeType {
    EDITION_PUBLISHED,
    CORRELATION_CHANGED
}
