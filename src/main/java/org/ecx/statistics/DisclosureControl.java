package org.ecx.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small-cell suppression with complementary suppression for one table of counts (docs/security-model.md,
 * "Disclosure control for statistics"). Primary: a cell below {@link #MINIMUM_CELL} is suppressed.
 * Complementary: when a table has suppressed cells, they must be at least two and together count at least
 * {@link #MINIMUM_CELL} denials; otherwise the smallest shown cells are suppressed too, until both hold. So
 * the total of the table, even when it can be learnt from another table (the year table always adds up to the
 * number of counted denials), gives away only the sum of several suppressed cells, never one of them.
 * Primary and complementary cells are shown alike, as {@code "<5"} (SPEC §10): a different mark for the
 * complementary cells would tell which suppressed cells are at least 5 and narrow the small ones down again.
 */
final class DisclosureControl {

    static final int MINIMUM_CELL = 5;
    static final String SUPPRESSED = "<" + MINIMUM_CELL;

    private DisclosureControl() {
    }

    /** The published cells: a count, or {@code "<5"}. Cells with no denial are absent. */
    static Map<String, Object> publish(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(counts.entrySet());
        byCount.removeIf(e -> e.getValue() <= 0);
        byCount.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        int suppressed = 0;
        long suppressedSum = 0;
        for (Map.Entry<String, Long> e : byCount) {
            if (e.getValue() < MINIMUM_CELL) {
                suppressed++;
                suppressedSum += e.getValue();
            }
        }
        // complementary suppression, smallest shown cells first (byCount is sorted by count)
        while (suppressed > 0 && (suppressed < 2 || suppressedSum < MINIMUM_CELL) && suppressed < byCount.size()) {
            suppressedSum += byCount.get(suppressed).getValue();
            suppressed++;
        }
        Map<String, Object> cells = new TreeMap<>(Comparator.naturalOrder());
        for (int i = 0; i < byCount.size(); i++) {
            Map.Entry<String, Long> e = byCount.get(i);
            cells.put(e.getKey(), i < suppressed ? SUPPRESSED : e.getValue());
        }
        return cells;
    }
}
