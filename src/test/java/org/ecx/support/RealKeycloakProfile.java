package org.ecx.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs ECX against the real Keycloak started by .ci/services.sh (no locally signed tokens). */
public class RealKeycloakProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String port = System.getenv().getOrDefault("ECX_KC_PORT", "8180");
        return Map.of("quarkus.oidc.auth-server-url", "http://localhost:" + port + "/realms/ecx");
    }
}
