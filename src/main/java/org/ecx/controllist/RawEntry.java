package org.ecx.controllist;

import java.util.List;

/**
 * An entry as read from a JSON or CSV body, before validation: every field as text (empty text counts as
 * absent, as CSV cannot tell them apart). {@code where} locates it for error messages (e.g. a CSV line).
 */
record RawEntry(int index, String where, String code, String parentCode, String category, String group,
        String regime, String title, String text, List<String> notes, String status, String reviewBy) {

    String field(String name) {
        return "entries[" + index + "]." + name;
    }
}
