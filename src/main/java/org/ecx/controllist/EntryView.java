package org.ecx.controllist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry on the wire: what is served, exported and imported (the CSV columns carry the same names).
 * {@code parentCode}, {@code category} and {@code group} follow from the code; on import they may be left
 * out, and when given they must agree with it.
 */
@Schema(name = "ControlListEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "parentCode", "category", "group", "regime", "title", "text", "notes", "status", "reviewBy"})
public record EntryView(
        @Schema(required = true, example = "3A001.a.1", pattern = ControlCode.GRAMMAR) String code,
        @Schema(example = "3A001.a") String parentCode,
        @Schema(example = "3", pattern = "^[0-9]$") String category,
        @Schema(example = "A", pattern = "^[A-E]$") String group,
        @Schema(required = true, example = "WA") String regime,
        @Schema(required = true, maxLength = EntryRules.MAX_TITLE, example = "Radiation-hardened integrated circuits")
        String title,
        @Schema(maxLength = EntryRules.MAX_TEXT) String text,
        @Schema(description = "Notes, each on one line") List<String> notes,
        @Schema(example = "ACTIVE") EntryStatus status,
        @Schema(description = "Date by which a PROVISIONAL entry is to be reviewed") LocalDate reviewBy) {

    static EntryView of(ControlListEntry e) {
        return new EntryView(e.code, e.parentCode, e.category, e.group, e.regime, e.title, e.text,
                e.notes == null ? List.of() : List.of(e.notes), e.status, e.reviewBy);
    }

    /** The entry without its hierarchy neighbours: code, title and status. */
    EntrySummary summary() {
        return new EntrySummary(code, title, status);
    }
}
