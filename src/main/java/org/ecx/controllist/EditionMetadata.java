package org.ecx.controllist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The edition-level fields of an import ({@code edition}, {@code effectiveDate}, {@code title}, {@code status},
 * {@code renumbered}, and optionally {@code listId}), gathered from query parameters and, for JSON, from the
 * document itself; a field given both ways must agree. Validated once the whole body has been read.
 */
final class EditionMetadata {

    static final Pattern EDITION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$");
    static final int MAX_TITLE = 200;

    /** A raw renumbering line and where it came from ({@code renumbered[3]}). */
    record RawRenumbering(String field, String from, String to) {
    }

    /** The validated fields. */
    record Valid(String edition, LocalDate effectiveDate, String title, EditionStatus status,
            List<Renumbering> renumbered) {
    }

    private final Map<String, String> values = new TreeMap<>();
    private List<RawRenumbering> renumbered;
    private final ImportErrors errors;

    EditionMetadata(ImportErrors errors) {
        this.errors = errors;
    }

    /** Sets one scalar field; a second, different value for it is an error. */
    void set(String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String previous = values.putIfAbsent(field, value);
        if (previous != null && !previous.equals(value)) {
            errors.add(field, "the query parameter and the document disagree (" + EntryRules.abbreviate(previous)
                    + " / " + EntryRules.abbreviate(value) + ")");
        }
    }

    void setRenumbered(List<RawRenumbering> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        if (renumbered != null) {
            errors.add("renumbered", "give the renumbering table either as query parameters or in the document");
            return;
        }
        renumbered = lines;
    }

    /** Query parameters {@code renumbered=FROM:TO}. */
    static List<RawRenumbering> parseQuery(List<String> params, ImportErrors errors) {
        List<RawRenumbering> result = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            int colon = p == null ? -1 : p.indexOf(':');
            if (colon < 0) {
                errors.add("renumbered[" + i + "]", "must be FROM:TO, e.g. 3A001.a.2:3A001.a.3");
            } else {
                result.add(new RawRenumbering("renumbered[" + i + "]", p.substring(0, colon), p.substring(colon + 1)));
            }
        }
        return result;
    }

    /** Validates the fields (errors go to the shared list); returns null when any is invalid. */
    Valid validate(String listId, EditionImport entries) {
        int before = errors.total();
        String givenList = values.get("listId");
        if (givenList != null && !givenList.equals(listId)) {
            errors.add("listId", "the document belongs to list " + EntryRules.abbreviate(givenList) + ", not " + listId);
        }
        String edition = values.get("edition");
        if (edition == null) {
            errors.add("edition", "is required (e.g. 2025-11)");
        } else if (!EDITION.matcher(edition).matches()) {
            errors.add("edition", "must be 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        LocalDate effectiveDate = null;
        String date = values.get("effectiveDate");
        if (date == null) {
            errors.add("effectiveDate", "is required (YYYY-MM-DD)");
        } else {
            try {
                effectiveDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add("effectiveDate", "must be a date (YYYY-MM-DD), not " + EntryRules.abbreviate(date));
            }
        }
        String title = values.get("title");
        if (title != null && (title.length() > MAX_TITLE || EntryRules.hasLineBreak(title))) {
            errors.add("title", "must be a single line of at most " + MAX_TITLE + " characters");
        }
        EditionStatus status = EditionStatus.DRAFT;
        if (values.containsKey("status")) {
            try {
                status = EditionStatus.valueOf(values.get("status"));
            } catch (IllegalArgumentException e) {
                errors.add("status", "must be DRAFT or PUBLISHED");
            }
        }
        List<Renumbering> lines = new ArrayList<>();
        Set<Renumbering> distinct = new HashSet<>();
        for (RawRenumbering r : renumbered == null ? List.<RawRenumbering>of() : renumbered) {
            boolean ok = true;
            if (r.from() == null || !ControlCode.isValid(r.from())) {
                errors.add(r.field() + ".from", "is not a control code");
                ok = false;
            }
            if (r.to() == null || !ControlCode.isValid(r.to())) {
                errors.add(r.field() + ".to", "is not a control code");
                ok = false;
            } else if (!entries.contains(r.to())) {
                errors.add(r.field() + ".to", r.to() + " is not an entry of this edition");
                ok = false;
            }
            if (ok && Objects.equals(r.from(), r.to())) {
                errors.add(r.field(), "from and to are the same code");
            } else if (ok && !distinct.add(new Renumbering(r.from(), r.to()))) {
                errors.add(r.field(), "repeats an earlier line");
            } else if (ok) {
                lines.add(new Renumbering(r.from(), r.to()));
            }
        }
        if (errors.total() > before) {
            return null;
        }
        return new Valid(edition, effectiveDate, title, status, List.copyOf(lines));
    }
}
