package org.ecx.registry;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecx.access.PartnerState;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxConfig;
import org.jboss.logging.Logger;

/**
 * Creates the first partner state(s) of an empty registry from {@code ecx.registry.bootstrap-states}, with
 * an audit event each. Without it a new production installation would have no state whose administrator
 * could register the others.
 */
@ApplicationScoped
class RegistryBootstrap {

    private static final Logger LOG = Logger.getLogger(RegistryBootstrap.class);
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    @Inject
    EcxConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        bootstrap(config.registry().bootstrapStates().orElse(List.of()));
    }

    /** Creates the given {@code CODE=Name} states if the registry is empty. */
    @Transactional
    public void bootstrap(List<String> configured) {
        // parsed even when unused, so that a typo fails the startup instead of a later bootstrap
        List<String[]> entries = configured.stream().map(RegistryBootstrap::parse).toList();
        if (entries.isEmpty() || PartnerState.count() > 0) {
            return;
        }
        for (String[] entry : entries) {
            String code = entry[0];
            PartnerState state = new PartnerState();
            state.code = code;
            state.name = entry[1];
            state.active = true;
            state.updatedAt = clock.instant();
            state.persist();
            audit.recordSystem("STATE_BOOTSTRAPPED", "STATE", code, code);
            LOG.infof("Partner registry bootstrapped with %s", code);
        }
    }

    static String[] parse(String entry) {
        String[] parts = entry.split("=", 2);
        String code = parts[0].trim();
        if (parts.length != 2 || !ISO.contains(code) || parts[1].isBlank() || parts[1].trim().length() > 100) {
            throw new IllegalArgumentException("ecx.registry.bootstrap-states: expected CODE=Name, got " + entry);
        }
        return new String[] {code, parts[1].trim()};
    }
}
