package org.ecx.console;

import java.util.ArrayList;
import java.util.List;
import org.ecx.controllist.EditionView;
import org.ecx.controllist.EntryView;

/**
 * One page of an edition's hierarchy: the entries under {@code prefix} (a category {@code 3}, a group {@code 3A} or
 * an entry {@code 3A001.a} and everything below it), optionally narrowed by a text search, each indented by its
 * depth below the entry at the root of its tree; and the path from the whole edition down to {@code prefix}.
 */
public record EditionBrowse(EditionView edition, String prefix, String q, List<Row> rows, List<String> path,
        String nextPage) {

    /** An entry and its depth ({@code 3A001} 0, {@code 3A001.a} 1, {@code 3A001.a.1} 2). */
    public record Row(EntryView entry, int depth) {
    }

    static EditionBrowse of(EditionView edition, String prefix, String q, List<EntryView> entries, String nextPage) {
        List<Row> rows = entries.stream().map(e -> new Row(e, depth(e.code()))).toList();
        return new EditionBrowse(edition, prefix, q, rows, path(prefix), nextPage);
    }

    static int depth(String code) {
        return (int) code.chars().filter(c -> c == '.').count();
    }

    /**
     * The levels from the top down to {@code prefix}: {@code 3A001.a} → 3, 3A, 3A001, 3A001.a; a partial number
     * ({@code 3A0}) is its own last level; none → empty.
     */
    static List<String> path(String prefix) {
        List<String> levels = new ArrayList<>();
        if (prefix == null || prefix.isEmpty()) {
            return levels;
        }
        levels.add(prefix.substring(0, 1));
        if (prefix.length() >= 2) {
            levels.add(prefix.substring(0, 2));
        }
        String entry = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (entry.length() > 2) {
            for (int dot = entry.indexOf('.'); dot >= 0; dot = entry.indexOf('.', dot + 1)) {
                levels.add(entry.substring(0, dot));
            }
            levels.add(entry);
        }
        return levels;
    }

    /** Categories 0–9, the top level of every list. */
    public List<String> categories() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
}
