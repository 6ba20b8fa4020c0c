package org.ecx.controllist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The full new correlation table of a state for a list (PUT replaces it). */
@Schema(name = "ControlListCorrelationUpdate")
public record CorrelationUpdate(
        @NotNull @Size(max = CorrelationService.MAX_MAPPINGS) @Schema(required = true)
        List<@NotNull @Valid CorrelationMapping> mappings) {
}
