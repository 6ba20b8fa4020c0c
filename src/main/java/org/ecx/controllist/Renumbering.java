package org.ecx.controllist;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of an edition's renumbering table: {@code from} (a code of the preceding edition) became {@code to}. */
@Embeddable
@Schema(name = "Renumbering")
public record Renumbering(
        @Column(name = "from_code", nullable = false, length = 64)
        @Schema(required = true, example = "3A001.a.2") String from,
        @Column(name = "to_code", nullable = false, length = 64)
        @Schema(required = true, example = "3A001.a.3") String to) {
}
