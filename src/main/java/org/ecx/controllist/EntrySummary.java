package org.ecx.controllist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ancestor or child of an entry, in short. */
@Schema(name = "ControlListEntrySummary")
public record EntrySummary(
        @Schema(required = true, example = "3A001.a") String code,
        @Schema(required = true) String title,
        @Schema(required = true) EntryStatus status) {
}
