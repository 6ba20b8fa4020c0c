package org.ecx.controllist;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON edition document, for OpenAPI only: imports are read by {@link JsonEditionReader} as a stream and
 * exports written by {@link EditionExport}, both in this shape.
 */
@Schema(name = "ControlListEditionDocument")
public record EditionDocument(
        @Schema(description = "Optional on import; must then be the list of the path") String listId,
        @Schema(required = true, example = "2025-11", pattern = "^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$") String edition,
        @Schema(maxLength = EditionMetadata.MAX_TITLE) String title,
        @Schema(required = true, example = "2025-11-15") LocalDate effectiveDate,
        @Schema(description = "DRAFT (default) or PUBLISHED (publish on import)") EditionStatus status,
        @Schema(description = "Codes of the preceding edition renumbered in this one") List<Renumbering> renumbered,
        @Schema(required = true) List<EntryView> entries) {
}
