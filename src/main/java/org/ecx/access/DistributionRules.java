package org.ecx.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.ecx.common.Problem;
import org.ecx.common.validation.CountryCode;

/**
 * The coherence rules of a {@link Distribution} (SPEC §2) that Bean Validation cannot check: REGIME needs a
 * known regime, STATES a non-empty list of partner states, and no scope carries the other scopes' fields.
 * Every record type with a distribution (denials, recognitions) validates it here.
 */
@ApplicationScoped
public class DistributionRules {

    @Inject
    PartnerRegistry registry;

    /** Adds one error per problem of {@code dist} to {@code errors}, with field names under {@code field}. */
    public void check(String field, Distribution dist, List<Problem.FieldError> errors) {
        List<String> states = dist.states() == null ? List.of() : dist.states();
        boolean regimeAllowed = dist.scope() == DistributionScope.REGIME;
        boolean statesAllowed = dist.scope() == DistributionScope.STATES;
        if (regimeAllowed) {
            if (dist.regime() == null) {
                errors.add(new Problem.FieldError(field + ".regime", "is required when scope is REGIME"));
            } else if (!registry.regimeExists(dist.regime())) {
                errors.add(new Problem.FieldError(field + ".regime", "unknown regime " + dist.regime()));
            }
        } else if (dist.regime() != null) {
            errors.add(new Problem.FieldError(field + ".regime", "is only allowed when scope is REGIME"));
        }
        if (statesAllowed) {
            if (states.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".states", "is required when scope is STATES"));
            }
            checkPartners(field + ".states", states, errors);
        } else if (!states.isEmpty()) {
            errors.add(new Problem.FieldError(field + ".states", "is only allowed when scope is STATES"));
        }
    }

    /** Adds an error for each entry of {@code states} that is not a partner state. */
    public void checkPartners(String field, List<String> states, List<Problem.FieldError> errors) {
        for (int i = 0; i < states.size(); i++) {
            String s = states.get(i);
            if (!CountryCode.Validator.isValid(s) || registry.find(s).isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "is not a partner state"));
            }
        }
    }
}
