package org.ecx.controllist;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A state's correlation table for a list. */
@Schema(name = "ControlListCorrelation")
public record CorrelationView(
        @Schema(required = true, example = "EU-DU") String listId,
        @Schema(required = true, example = "DE") String state,
        @Schema(required = true) List<CorrelationMapping> mappings,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    static CorrelationView of(Correlation c) {
        return new CorrelationView(c.key.listId(), c.key.stateCode(), List.copyOf(c.mappings), c.updatedAt, c.version);
    }
}
