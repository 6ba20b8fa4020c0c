package org.ecx.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Read access to the partner registry: which states are active partners and which regimes they belong to. */
@ApplicationScoped
public class PartnerRegistry {

    public boolean isActive(String state) {
        return PartnerState.count("code = ?1 and active = true", state) > 0;
    }

    public Optional<PartnerState> find(String state) {
        return PartnerState.findByIdOptional(state);
    }

    public List<PartnerState> all() {
        return PartnerState.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    /** Current regime memberships of a state (empty for unknown states). */
    public Set<String> regimesOf(String state) {
        return find(state).map(s -> (Set<String>) new TreeSet<>(s.regimes)).orElse(Set.of());
    }

    public boolean regimeExists(String regime) {
        return Regime.count("code", regime) > 0;
    }
}
