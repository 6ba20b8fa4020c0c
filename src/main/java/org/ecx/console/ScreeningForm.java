package org.ecx.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecx.denial.PartyRole;

/** The screening form as typed (and shown again with the results): party rows, control entries, destination. */
public record ScreeningForm(List<Row> rows, String controlEntries, String destinationCountry) {

    static final int ROWS = 5;

    /** One party row of the form; blank rows are ignored. */
    public record Row(int number, String name, String country, String role) {

        boolean blank() {
            return name == null || name.isBlank();
        }
    }

    static ScreeningForm empty() {
        return of(List.of(), List.of(), List.of(), null, null);
    }

    static ScreeningForm of(List<String> names, List<String> countries, List<String> roles, String entries,
            String destination) {
        List<Row> rows = new ArrayList<>();
        int n = Math.max(ROWS, names.size());
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i + 1, at(names, i), at(countries, i), at(roles, i)));
        }
        return new ScreeningForm(List.copyOf(rows), entries, destination);
    }

    /** The typed (non-blank) party rows. */
    public List<Row> parties() {
        return rows.stream().filter(r -> !r.blank()).toList();
    }

    /** The control entries, split at commas and blanks. */
    public List<String> entries() {
        if (controlEntries == null || controlEntries.isBlank()) {
            return List.of();
        }
        return Arrays.stream(controlEntries.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public List<String> roles() {
        return Arrays.stream(PartyRole.values()).map(Enum::name).toList();
    }

    private static String at(List<String> values, int i) {
        if (values == null || i >= values.size() || values.get(i) == null) {
            return "";
        }
        return values.get(i).trim();
    }
}
