package org.ecx.screening;

import java.util.List;
import java.util.UUID;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.PartyRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ecx.denial.DenialSummary;

/** One denial that matches a screening, with the explanation of its score (SPEC §4). */
@Schema(name = "ScreeningMatch")
public record ScreeningMatch(
        @Schema(required = true) UUID denialId,
        @Schema(required = true) String notifyingState,
        @Schema(required = true) DenialStatus status,
        @Schema(required = true, description = "In [0,1]: the best matching party's score") double score,
        @Schema(required = true, description = "MATCH: score at or above the threshold; POSSIBLE: a partial name, an"
                + " alias sharing distinctive words (one rare word is enough), or a weaker cross-script match below it, for a"
                + " human look (never essentially identical; at most 3 POSSIBLE denials per screened party)")
        NameMatcher.Band band,
        @Schema(required = true) MatchedParty matchedParty,
        @Schema(required = true, description = "Every denial party name or alias that matched, and why")
        List<MatchReason> matchedOn,
        @Schema(required = true) ItemRelation itemRelation,
        @Schema(required = true) boolean essentiallyIdentical,
        @Schema(required = true) boolean consultationRequired,
        @Schema(required = true, description = "The denial as the caller may see it (redacted summary)")
        DenialSummary denial) {

    @Schema(name = "MatchedParty")
    public record MatchedParty(@Schema(required = true) PartyRole role, @Schema(required = true) String name) {
    }

    /** Why a denial party matched a screened party. */
    @Schema(name = "MatchReason")
    public record MatchReason(
            @Schema(required = true, description = "Index of the screened party") int queryParty,
            @Schema(required = true, description = "The screened name or alias") String queryName,
            @Schema(required = true, description = "Index of the denial party") int denialParty,
            @Schema(required = true) PartyRole role,
            @Schema(required = true, description = "NAME or ALIAS of the denial party") NameKind field,
            @Schema(required = true, description = "The denial party's name or alias that matched") String value,
            @Schema(required = true, description = "Normalized tokens paired, with their similarity")
            List<NameMatcher.TokenPair> tokens,
            @Schema(required = true, description = "Name similarity before the country adjustment") double nameScore,
            @Schema(required = true) CountryAgreement country,
            @Schema(required = true) double score,
            @Schema(required = true, description = "MATCH or POSSIBLE for this name") NameMatcher.Band band,
            @Schema(required = true, description = "Why this name is in its band") String bandReason) {
    }

    public enum NameKind {
        NAME, ALIAS
    }

    /** AGREES (+0.05), DIFFERS (-0.05), or NOT_COMPARED when either side has no country. */
    public enum CountryAgreement {
        AGREES, DIFFERS, NOT_COMPARED
    }
}
