package org.ecx.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.ecx.common.validation.CountryCode;
import org.ecx.controllist.ControlCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pre-licence screening (SPEC §4): the parties and items of a proposed transaction. */
@Schema(name = "ScreeningRequest")
public record ScreeningRequest(
        @NotEmpty @Size(max = 50) @Schema(required = true) List<@NotNull @Valid Party> parties,
        @Size(max = 200) List<@NotNull @Valid Item> items,
        @CountryCode @Schema(example = "AE") String destinationCountry,
        @DecimalMin("0") @DecimalMax("1")
        @Schema(description = "Smallest score reported (default 0.8)", example = "0.8") Double threshold,
        @Schema(description = "Also consider REVOKED denials (default false; the query parameter works too)")
        Boolean includeRevoked) {

    @Schema(name = "ScreeningParty")
    public record Party(
            @NotBlank @Size(max = 300) @Schema(required = true, example = "ООО \"Ромашка\"") String name,
            @CountryCode @Schema(example = "RU") String country,
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> aliases) {
    }

    @Schema(name = "ScreeningItem")
    public record Item(
            @NotBlank @Size(max = ControlCode.MAX_LENGTH) @Pattern(regexp = ControlCode.GRAMMAR)
            @Schema(required = true, example = "3A001.a.1") String controlEntry) {
    }
}
