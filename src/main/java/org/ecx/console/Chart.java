package org.ecx.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart of one breakdown of the public statistics, laid out on the server and drawn as SVG by
 * the statistics page (no script, no third-party library). A suppressed cell ({@code "<5"}) gets no bar of a
 * made-up length: it is drawn as a marked, hatched stub and labelled as suppressed.
 */
public record Chart(String id, int width, int height, int labelWidth, List<Bar> bars) {

    static final int WIDTH = 560;
    static final int LABEL_WIDTH = 120;
    static final int VALUE_SPACE = 70;
    static final int ROW = 30;
    static final int BAR_HEIGHT = 20;
    static final int SUPPRESSED_STUB = 12;

    /** One cell: its label, its count or "<5", and where its bar goes. */
    public record Bar(String label, String value, boolean suppressed, int y, int length) {

        public int textY() {
            return y + BAR_HEIGHT - 5;
        }

        public int valueX() {
            return LABEL_WIDTH + length + 6;
        }

        public int height() {
            return BAR_HEIGHT;
        }
    }

    /** Where the (right-aligned) labels end. */
    public int labelX() {
        return labelWidth - 8;
    }

    /** Lays out the cells of one breakdown in their order; numbers are scaled to the largest. */
    static Chart of(String id, Map<String, Object> cells) {
        long max = 1;
        for (Object v : cells.values()) {
            if (v instanceof Number n) {
                max = Math.max(max, n.longValue());
            }
        }
        int room = WIDTH - LABEL_WIDTH - VALUE_SPACE;
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Object> cell : cells.entrySet()) {
            if (cell.getValue() instanceof Number n) {
                int length = (int) Math.max(1, Math.round((double) room * n.longValue() / max));
                bars.add(new Bar(cell.getKey(), String.valueOf(n.longValue()), false, y, length));
            } else {
                bars.add(new Bar(cell.getKey(), String.valueOf(cell.getValue()), true, y, SUPPRESSED_STUB));
            }
            y += ROW;
        }
        return new Chart(id, WIDTH, Math.max(ROW, y), LABEL_WIDTH, List.copyOf(bars));
    }
}
