package org.ecx.controllist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An edition's metadata (its entries are under {@code …/entries} and {@code …/export}). */
@Schema(name = "ControlListEdition")
public record EditionView(
        @Schema(required = true, example = "EU-DU") String listId,
        @Schema(required = true, example = "2025-11") String edition,
        @Schema(example = "Annex I, November 2025 update") String title,
        @Schema(required = true, example = "2025-11-15") LocalDate effectiveDate,
        @Schema(required = true) EditionStatus status,
        @Schema(required = true) int entryCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, example = "DE") String createdByState,
        Instant publishedAt,
        @Schema(required = true) List<Renumbering> renumbered) {

    static EditionView of(ControlListEdition e) {
        return new EditionView(e.listId, e.edition, e.title, e.effectiveDate, e.status, e.entryCount, e.createdAt,
                e.createdByState, e.publishedAt, List.copyOf(e.renumbered));
    }
}
