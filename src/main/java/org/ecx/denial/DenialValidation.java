package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecx.access.Distribution;
import org.ecx.access.DistributionRules;
import org.ecx.access.DistributionScope;
import org.ecx.access.PartnerRegistry;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;
import org.ecx.controllist.ControlListCatalog;

/** The rules of a denial request that Bean Validation cannot check (422, every bad field listed). */
@ApplicationScoped
class DenialValidation {

    private static final LocalDate EARLIEST_DECISION = LocalDate.of(1950, 1, 1);

    @Inject
    PartnerRegistry registry;

    @Inject
    ControlListCatalog catalog;

    @Inject
    DistributionRules distributionRules;

    @Inject
    DenialJson json;

    /** Checks what Bean Validation cannot: references to the registry, dates, distribution coherence. */
    void validate(DenialRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.regimeReferences() != null) {
            for (int i = 0; i < r.regimeReferences().size(); i++) {
                String regime = r.regimeReferences().get(i).regime();
                if (!registry.regimeExists(regime)) {
                    errors.add(new Problem.FieldError("regimeReferences[" + i + "].regime", "unknown regime " + regime));
                }
            }
        }
        for (int i = 0; i < r.items().size(); i++) {
            DenialRequest.Item item = r.items().get(i);
            if (item.listEdition() == null) {
                continue;
            }
            String field = "items[" + i + "].listEdition";
            String[] ref = item.listEdition().split(":", 2);
            if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank()) {
                errors.add(new Problem.FieldError(field, "must be <listId>:<edition>, e.g. EU-DU:2025-11"));
            } else if (!catalog.editionExists(ref[0], ref[1])) {
                errors.add(new Problem.FieldError(field, "is not a published edition of a control list"));
            } else if (catalog.findEntry(ref[0], ref[1], item.controlEntry()).isEmpty()) {
                errors.add(new Problem.FieldError("items[" + i + "].controlEntry",
                        "is not an entry of " + item.listEdition()));
            }
        }
        LocalDate today = LocalDate.ofInstant(json.now(), ZoneOffset.UTC);
        if (r.decisionDate().isAfter(today.plusDays(1))) {
            errors.add(new Problem.FieldError("decisionDate", "must not be in the future"));
        } else if (r.decisionDate().isBefore(EARLIEST_DECISION)) {
            errors.add(new Problem.FieldError("decisionDate", "must not be before " + EARLIEST_DECISION));
        }
        Distribution dist = r.distribution();
        List<String> distStates = dist.states() == null ? List.of() : dist.states();
        distributionRules.check("distribution", dist, errors);
        Releasability rel = r.releasabilityOrDefault();
        for (SensitiveGroup group : SensitiveGroup.values()) {
            Release release = rel.of(group);
            if (release.kind() != Release.Kind.STATES) {
                continue;
            }
            String field = "releasability." + group.name().toLowerCase() + ".states";
            distributionRules.checkPartners(field, release.states(), errors);
            if (dist.scope() == DistributionScope.ORIGINATOR) {
                errors.add(new Problem.FieldError(field, "cannot release to states a denial distributed to the originator only"));
            } else if (dist.scope() == DistributionScope.STATES) {
                Set<String> outside = new TreeSet<>(release.states());
                outside.removeAll(distStates);
                if (!outside.isEmpty()) {
                    errors.add(new Problem.FieldError(field, "names states outside the distribution: " + outside));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The denial is not consistent.", errors);
        }
    }
}
