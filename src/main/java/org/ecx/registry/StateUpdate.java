package org.ecx.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The full new representation of a partner state (PUT replaces name, active flag and regime memberships). */
@Schema(name = "PartnerStateUpdate")
public record StateUpdate(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "Germany") String name,
        @NotNull @Schema(required = true) Boolean active,
        @NotNull @Size(max = 50) @Schema(required = true, example = "[\"EU\", \"NSG\", \"WA\"]")
        List<@NotNull @Pattern(regexp = "^[A-Z0-9]{2,10}$") String> regimes) {
}
