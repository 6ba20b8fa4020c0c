package org.ecx.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Complementary suppression: the total of another dimension never gives a suppressed cell away. */
class DisclosureControlTest {

    /**
     * The attack of issue 11: the reason table is complete (every cell shown) and each denial has one reason,
     * so its sum is the number of denials; subtracting the shown year cells from it would give the one small
     * year cell exactly.
     */
    @Test
    void theDerivationOfASmallCellFromTheTotalOfAnotherDimensionFails() {
        Map<String, Long> years = Map.of("2024", 12L, "2025", 7L, "2026", 2L);
        Map<String, Long> reasons = Map.of("WMD", 11L, "MILITARY_END_USE", 10L);
        Map<String, Object> byYear = DisclosureControl.publish(years);
        Map<String, Object> byReason = DisclosureControl.publish(reasons);

        long total = byReason.values().stream().mapToLong(v -> (Long) v).sum();
        long shown = byYear.values().stream().filter(Long.class::isInstance).mapToLong(v -> (Long) v).sum();
        long hidden = byYear.values().stream().filter(v -> v.equals("<5")).count();

        // before: {2024: 12, 2025: 7, 2026: "<5"} and 21 - 19 = 2 denials in 2026
        assertThat(byYear).containsEntry("2026", "<5").containsEntry("2025", "<5").containsEntry("2024", 12L);
        assertThat(hidden).as("the residual is spread over several cells").isGreaterThanOrEqualTo(2);
        assertThat(total - shown).as("and large enough not to be one small cell").isGreaterThanOrEqualTo(5);
    }

    @Test
    void twoSmallCellsThatTogetherStayBelowFiveGetAThirdOne() {
        Map<String, Object> cells = DisclosureControl.publish(Map.of("A", 1L, "B", 2L, "C", 40L, "D", 9L));
        assertThat(cells).containsEntry("A", "<5").containsEntry("B", "<5").containsEntry("D", "<5")
                .containsEntry("C", 40L);
    }

    @Test
    void smallCellsThatAlreadyProtectEachOtherNeedNothingMore() {
        assertThat(DisclosureControl.publish(Map.of("A", 3L, "B", 4L, "C", 8L)))
                .containsEntry("A", "<5").containsEntry("B", "<5").containsEntry("C", 8L);
        assertThat(DisclosureControl.publish(Map.of("A", 5L, "B", 6L))).containsEntry("A", 5L).containsEntry("B", 6L);
    }

    @Test
    void aTableOfOneSmallCellIsSuppressedAndEmptyCellsAreAbsent() {
        assertThat(DisclosureControl.publish(Map.of("A", 2L, "B", 0L))).containsExactly(Map.entry("A", "<5"));
    }

    @Test
    void theSnapshotDateIsTheStartOfTheDayOrMonthInUtc() {
        var now = java.time.Instant.parse("2026-12-02T23:59:59Z");
        assertThat(StatisticsService.periodStart(now, StatisticsConfig.Period.DAY))
                .isEqualTo(java.time.Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(StatisticsService.periodStart(now, StatisticsConfig.Period.MONTH))
                .isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
    }
}
