package org.ecx.denial;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ecx.access.Distribution;
import org.ecx.common.validation.CountryCode;
import org.ecx.controllist.ControlCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The content of a denial notification as its originator writes it (POST and PUT). It is also what ECX
 * stores for each version; server-managed fields (id, notifyingState, dates, status) live beside it.
 */
@Schema(name = "DenialRequest")
public record DenialRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N} ./_:#()-]+$")
        @Schema(required = true, example = "DE-2026-0042") String nationalReference,
        @Size(max = 10) List<@NotNull @Valid RegimeReference> regimeReferences,
        @NotNull @Schema(required = true) DecisionType decisionType,
        @NotNull @Schema(required = true, example = "2026-11-02") LocalDate decisionDate,
        @NotEmpty @Size(max = 200) @Schema(required = true) List<@NotNull @Valid Item> items,
        @NotEmpty @Size(max = 50) @Schema(required = true) List<@NotNull @Valid Party> parties,
        @NotNull @CountryCode @Schema(required = true, example = "IR") String destinationCountry,
        @Size(max = 2000) String endUse,
        @NotEmpty @Size(max = 20)
        @Schema(required = true, description = "Criterion codes: 1–8, WMD, MEND, DIVERSION", example = "[\"WMD\"]")
        List<@NotNull @Pattern(regexp = "^([1-8]|WMD|MEND|DIVERSION)$") String> reasons,
        @Size(max = 10000) @Schema(description = "Sensitive (group rationale)") String rationale,
        @Size(max = 1000) @Schema(description = "Sensitive (group contact)") String contact,
        @Size(max = 100) @Schema(description = "Sensitive (group licence)") String licenceApplicationRef,
        @NotNull @Valid @Schema(required = true) Distribution distribution,
        @Schema(description = "Releasability of the sensitive field groups; absent groups: ORIGINATOR")
        Releasability releasability) {

    @Schema(name = "RegimeReference")
    public record RegimeReference(
            @NotBlank @Pattern(regexp = "^[A-Z0-9]{2,10}$") @Schema(required = true, example = "NSG") String regime,
            @NotBlank @Size(max = 100) @Schema(required = true) String reference) {
    }

    @Schema(name = "DenialItem")
    public record Item(
            @NotBlank @Size(max = ControlCode.MAX_LENGTH) @Pattern(regexp = ControlCode.GRAMMAR)
            @Schema(required = true, example = "3A001.a.1") String controlEntry,
            @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9._:/-]+$")
            @Schema(description = "List edition the entry refers to, e.g. EU-DU:2025-11") String listEdition,
            @Size(max = 2000) String description,
            @Size(max = 100) @Schema(description = "Sensitive (group quantities)", example = "500 kg") String quantity,
            @Valid @Schema(description = "Sensitive (group quantities)") Money value) {
    }

    @Schema(name = "Money")
    public record Money(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) @Schema(required = true) BigDecimal amount,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$") @Schema(required = true, example = "EUR") String currency) {
    }

    @Schema(name = "DenialParty")
    public record Party(
            @NotNull @Schema(required = true) PartyRole role,
            @NotBlank @Size(max = 300) @Schema(required = true) String name,
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> aliases,
            @Size(max = 1000) @Schema(description = "Sensitive (group addresses)") String address,
            @NotNull @CountryCode @Schema(required = true, example = "IR") String country,
            @Size(max = 20) @Schema(description = "Sensitive (group identifiers)")
            List<@NotNull @Valid Identifier> identifiers) {
    }

    @Schema(name = "PartyIdentifier")
    public record Identifier(
            @NotBlank @Size(max = 50) @Schema(required = true, example = "REGISTRATION") String type,
            @NotBlank @Size(max = 200) @Schema(required = true) String value) {
    }

    public Releasability releasabilityOrDefault() {
        return releasability == null ? Releasability.NONE.normalized() : releasability.normalized();
    }
}
