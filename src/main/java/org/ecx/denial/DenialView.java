package org.ecx.denial;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ecx.access.Distribution;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A denial as one viewer may see it. Only {@link DenialRedactor} builds it: sensitive fields the viewer may
 * not see are absent and their JSON paths listed in {@code redactions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Denial")
public record DenialView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "DE") String notifyingState,
        @Schema(required = true) String nationalReference,
        List<DenialRequest.RegimeReference> regimeReferences,
        @Schema(required = true) DecisionType decisionType,
        @Schema(required = true) LocalDate decisionDate,
        @Schema(required = true) Instant notifiedAt,
        @Schema(required = true) Instant reviewDueAt,
        @Schema(required = true) DenialStatus status,
        @Schema(required = true) List<DenialRequest.Item> items,
        @Schema(required = true) List<DenialRequest.Party> parties,
        String destinationCountry,
        String endUse,
        List<String> reasons,
        String rationale,
        String contact,
        String licenceApplicationRef,
        @Schema(required = true, description = "Only the originator sees regime and states") Distribution distribution,
        @Schema(description = "Only the originator sees the releasability") Releasability releasability,
        Revocation revocation,
        @Schema(required = true) long version,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "JSON paths of sensitive fields withheld from this viewer",
                example = "[\"parties[0].address\", \"rationale\"]") List<String> redactions,
        @Schema(required = true, description = "Licences other states granted despite this denial (SPEC §5)")
        List<UndercutNotice> undercutNotices) {
}
