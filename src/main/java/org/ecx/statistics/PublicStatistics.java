package org.ecx.statistics;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Aggregate denial counts for the public (SPEC §10), as of a date. Each cell is a number of at least 5, or the
 * string {@code "<5"} (a cell below 5, or a cell suppressed so that such a cell cannot be derived); cells with
 * no denial are absent.
 */
@Schema(name = "PublicStatistics")
public record PublicStatistics(
        @Schema(required = true, description = "What is counted") String basis,
        @Schema(required = true, description = "The snapshot's date: denials notified before it are counted; the same"
                + " snapshot is served until the next period begins") java.time.Instant asOf,
        @Schema(required = true, description = "By year of the decision", example = "{\"2025\": 12, \"2026\": \"<5\"}")
        Map<String, Object> byYear,
        @Schema(required = true, description = "By regime the denial was notified under (regimeReferences); a denial"
                + " under several regimes counts under each; NONE: national only", example = "{\"NSG\": 7, \"NONE\": \"<5\"}")
        Map<String, Object> byRegime,
        @Schema(required = true, description = "By control-code category (first digit) of the items; counted once per"
                + " category and denial", example = "{\"3\": 9}")
        Map<String, Object> byCategory,
        @Schema(required = true, description = "By reason code; a denial with several reasons counts under each",
                example = "{\"WMD\": 6}")
        Map<String, Object> byReason) {
}
