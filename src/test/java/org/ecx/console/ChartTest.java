package org.ecx.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartTest {

    @Test
    void barsAreScaledToTheLargestCellAndKeepTheCellsOrder() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("2024", 10);
        cells.put("2025", 40);
        cells.put("2026", 20);
        Chart chart = Chart.of("year", cells);
        assertThat(chart.bars()).extracting(Chart.Bar::label).containsExactly("2024", "2025", "2026");
        int full = Chart.WIDTH - Chart.LABEL_WIDTH - Chart.VALUE_SPACE;
        assertThat(chart.bars()).extracting(Chart.Bar::length).containsExactly((int) Math.round(full / 4.0), full, (int) Math.round(full / 2.0));
        assertThat(chart.bars()).extracting(Chart.Bar::y).containsExactly(0, Chart.ROW, 2 * Chart.ROW);
        assertThat(chart.height()).isEqualTo(3 * Chart.ROW);
    }

    @Test
    void aSuppressedCellIsMarkedAndGetsNoInventedLength() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("NSG", 7);
        cells.put("WA", "<5");
        Chart chart = Chart.of("regime", cells);
        Chart.Bar suppressed = chart.bars().get(1);
        assertThat(suppressed.suppressed()).isTrue();
        assertThat(suppressed.value()).isEqualTo("<5");
        assertThat(suppressed.length()).isEqualTo(Chart.SUPPRESSED_STUB);
        assertThat(chart.bars().get(0).suppressed()).isFalse();
    }

    @Test
    void anEmptyBreakdownStillHasARowOfHeight() {
        Chart chart = Chart.of("reason", Map.of());
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.height()).isEqualTo(Chart.ROW);
    }
}
