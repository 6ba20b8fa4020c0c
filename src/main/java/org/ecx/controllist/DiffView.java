package org.ecx.controllist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed from edition {@code from} to edition {@code to} of a list. An entry whose code a renumbering
 * table of the editions in between maps to a new code is listed under {@code renumbered} (with any field
 * changes), not as removed and added.
 */
@Schema(name = "ControlListDiff")
public record DiffView(
        @Schema(required = true, example = "EU-DU") String listId,
        @Schema(required = true, example = "2024-09") String from,
        @Schema(required = true, example = "2025-11") String to,
        @Schema(required = true, description = "Entries of `to` that `from` does not have") List<EntryView> added,
        @Schema(required = true, description = "Entries of `from` that `to` does not have") List<EntryView> removed,
        @Schema(required = true, description = "Entries of both whose fields differ") List<EntryChange> changed,
        @Schema(required = true) List<RenumberedEntry> renumbered) {

    /** Field-level changes of one code. */
    @Schema(name = "ControlListEntryChange")
    public record EntryChange(@Schema(required = true) String code, @Schema(required = true) List<FieldChange> changes) {
    }

    /** An entry of {@code from} renumbered to {@code to}, with the changes of its other fields. */
    @Schema(name = "ControlListRenumberedEntry")
    public record RenumberedEntry(@Schema(required = true) String from, @Schema(required = true) String to,
            @Schema(required = true) List<FieldChange> changes) {
    }

    /** One field's old and new value (absent when the field was empty on that side). */
    @Schema(name = "ControlListFieldChange")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldChange(
            @Schema(required = true, example = "title") String field,
            @JsonProperty("old") @Schema(name = "old") Object oldValue,
            @JsonProperty("new") @Schema(name = "new") Object newValue) {
    }
}
