package org.ecx.controllist;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of one edition with its ancestors (nearest first) and its direct children (by code). */
@Schema(name = "ControlListEntryDetail")
public record EntryDetail(
        @Schema(required = true, example = "EU-DU") String listId,
        @Schema(required = true, example = "2025-11") String edition,
        @Schema(required = true) LocalDate effectiveDate,
        @Schema(required = true) EditionStatus editionStatus,
        @Schema(required = true) EntryView entry,
        @Schema(required = true, description = "From the parent up to the root entry") List<EntrySummary> ancestors,
        @Schema(required = true) List<EntrySummary> children) {
}
