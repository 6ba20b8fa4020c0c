package org.ecx.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.ecx.common.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The distribution of a shared record (SPEC §2). Only the originator ever sees {@code regime} and
 * {@code states}; other viewers get {@link #scopeOnly()}.
 */
@Schema(name = "Distribution")
public record Distribution(
        @NotNull @Schema(required = true) DistributionScope scope,
        @Pattern(regexp = "^[A-Z0-9]{2,10}$") @Schema(description = "Regime code when scope = REGIME", example = "NSG")
        String regime,
        @Size(max = 100) @Schema(description = "Recipient states when scope = STATES (originator only)")
        List<@NotNull @CountryCode String> states) {

    public Distribution scopeOnly() {
        return new Distribution(scope, null, null);
    }
}
