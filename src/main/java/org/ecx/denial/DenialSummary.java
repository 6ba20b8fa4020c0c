package org.ecx.denial;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ecx.denial.DecisionType;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.DenialView;
import org.ecx.denial.PartyRole;
import org.ecx.denial.UndercutNotice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A denial summary for screening results and consultations, built only from a {@link DenialView} (already
 * redacted for the reader by the DenialRedactor) and holding none of the sensitive field groups: the full
 * redacted denial is at {@code GET /denials/{id}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DenialSummary")
public record DenialSummary(
        @Schema(required = true) UUID id,
        @Schema(required = true) String notifyingState,
        @Schema(required = true) String nationalReference,
        @Schema(required = true) DecisionType decisionType,
        @Schema(required = true) LocalDate decisionDate,
        @Schema(required = true) Instant notifiedAt,
        @Schema(required = true) DenialStatus status,
        String destinationCountry,
        @Schema(required = true) List<Item> items,
        @Schema(required = true) List<Party> parties,
        List<String> reasons,
        @Schema(required = true) long version,
        @Schema(required = true) List<UndercutNotice> undercutNotices) {

    @Schema(name = "DenialSummaryItem")
    public record Item(String controlEntry, String listEdition, String description) {
    }

    @Schema(name = "DenialSummaryParty")
    public record Party(PartyRole role, String name, List<String> aliases, String country) {
    }

    public static DenialSummary of(DenialView v) {
        return new DenialSummary(v.id(), v.notifyingState(), v.nationalReference(), v.decisionType(),
                v.decisionDate(), v.notifiedAt(), v.status(), v.destinationCountry(),
                v.items().stream().map(i -> new Item(i.controlEntry(), i.listEdition(), i.description())).toList(),
                v.parties().stream().map(p -> new Party(p.role(), p.name(), p.aliases(), p.country())).toList(),
                v.reasons(), v.version(), v.undercutNotices());
    }
}
