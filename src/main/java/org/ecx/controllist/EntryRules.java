package org.ecx.controllist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The per-entry rules of an edition import (SPEC §6). Rules that need the whole edition (duplicates, missing
 * parents) are applied by {@link EditionImport}.
 */
final class EntryRules {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTES = 100;

    private EntryRules() {
    }

    /** The validated entry, or null when the entry has errors (added to {@code errors}). */
    static EntryView validate(RawEntry raw, Set<String> regimes, ImportErrors errors) {
        int before = errors.total();
        String code = raw.code();
        String label = code == null ? "" : code + ": ";
        ControlCode parsed = null;
        if (code == null) {
            errors.add(raw.field("code"), "is required" + raw.where());
        } else if (!ControlCode.isValid(code)) {
            errors.add(raw.field("code"), "\"" + abbreviate(code) + "\" is not a control code (grammar "
                    + ControlCode.GRAMMAR + ")" + raw.where());
        } else {
            parsed = new ControlCode(code);
        }
        String parentCode = null;
        String category = null;
        String group = null;
        if (parsed != null) {
            parentCode = parsed.parent().map(ControlCode::value).orElse(null);
            category = String.valueOf(parsed.category());
            group = String.valueOf(parsed.group());
            if (raw.parentCode() != null && !raw.parentCode().equals(parentCode)) {
                errors.add(raw.field("parentCode"), label + (parentCode == null
                        ? "a root entry has no parent, but parentCode is " + abbreviate(raw.parentCode())
                        : "parentCode must be " + parentCode + " (the code's prefix), not "
                                + abbreviate(raw.parentCode())) + raw.where());
            }
            if (raw.category() != null && !raw.category().equals(category)) {
                errors.add(raw.field("category"), label + "category must be " + category
                        + " (the code's first character), not " + abbreviate(raw.category()) + raw.where());
            }
            if (raw.group() != null && !raw.group().equals(group)) {
                errors.add(raw.field("group"), label + "group must be " + group
                        + " (the code's second character), not " + abbreviate(raw.group()) + raw.where());
            }
        }
        if (raw.regime() == null) {
            errors.add(raw.field("regime"), label + "is required" + raw.where());
        } else if (!regimes.contains(raw.regime())) {
            errors.add(raw.field("regime"), label + "unknown regime " + abbreviate(raw.regime()) + " (known: "
                    + String.join(", ", new java.util.TreeSet<>(regimes)) + ")" + raw.where());
        }
        String title = raw.title();
        if (title == null || title.isBlank()) {
            errors.add(raw.field("title"), label + "is required" + raw.where());
        } else if (title.length() > MAX_TITLE) {
            errors.add(raw.field("title"), label + "is longer than " + MAX_TITLE + " characters" + raw.where());
        } else if (hasLineBreak(title)) {
            errors.add(raw.field("title"), label + "must be a single line" + raw.where());
        }
        if (raw.text() != null && raw.text().length() > MAX_TEXT) {
            errors.add(raw.field("text"), label + "is longer than " + MAX_TEXT + " characters" + raw.where());
        }
        List<String> notes = raw.notes() == null ? List.of() : raw.notes();
        if (notes.size() > MAX_NOTES) {
            errors.add(raw.field("notes"), label + "has more than " + MAX_NOTES + " notes" + raw.where());
        }
        for (int i = 0; i < notes.size(); i++) {
            String note = notes.get(i);
            String field = raw.field("notes[" + i + "]");
            if (note == null || note.isBlank()) {
                errors.add(field, label + "a note must not be empty" + raw.where());
            } else if (note.length() > MAX_TEXT) {
                errors.add(field, label + "is longer than " + MAX_TEXT + " characters" + raw.where());
            } else if (hasLineBreak(note)) {
                errors.add(field, label + "a note must be a single line" + raw.where());
            }
        }
        EntryStatus status = EntryStatus.ACTIVE;
        if (raw.status() != null) {
            try {
                status = EntryStatus.valueOf(raw.status());
            } catch (IllegalArgumentException e) {
                errors.add(raw.field("status"), label + "must be one of ACTIVE, PROVISIONAL, RESERVED, not "
                        + abbreviate(raw.status()) + raw.where());
            }
        }
        LocalDate reviewBy = null;
        if (raw.reviewBy() != null) {
            try {
                reviewBy = LocalDate.parse(raw.reviewBy());
            } catch (DateTimeParseException e) {
                errors.add(raw.field("reviewBy"), label + "must be a date (YYYY-MM-DD), not "
                        + abbreviate(raw.reviewBy()) + raw.where());
            }
        } else if (status == EntryStatus.PROVISIONAL) {
            errors.add(raw.field("reviewBy"), label + "is required for a PROVISIONAL entry" + raw.where());
        }
        if (errors.total() > before) {
            return null;
        }
        return new EntryView(code, parentCode, category, group, raw.regime(), title, raw.text(),
                List.copyOf(new ArrayList<>(notes)), status, reviewBy);
    }

    static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /** Client text quoted in a message, cut short so that an error list stays readable. */
    static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
