package org.ecx.controllist;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A list, its editing states and the published edition in force today (absent when none is). */
@Schema(name = "ControlList")
public record ControlListView(
        @Schema(required = true, example = "EU-DU") String id,
        @Schema(required = true, example = "EU dual-use list") String name,
        @Schema(required = true, example = "[\"DE\", \"FR\"]") List<String> editingStates,
        EditionRef editionInForce) {

    /** The edition in force: name and effective date. */
    @Schema(name = "ControlListEditionRef")
    public record EditionRef(@Schema(required = true) String edition, @Schema(required = true) LocalDate effectiveDate) {
    }
}
