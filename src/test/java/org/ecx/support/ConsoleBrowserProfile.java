package org.ecx.support;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link RealKeycloakProfile} with the officer console's OIDC tenant turned on: the console signs in at the real
 * Keycloak (authorization code + PKCE, demo client ecx-console), for the browser suite.
 */
public class ConsoleBrowserProfile extends RealKeycloakProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.oidc.console.auth-server-url", config.get("quarkus.oidc.auth-server-url"));
        config.put("quarkus.oidc.console.tenant-enabled", "true");
        return config;
    }
}
