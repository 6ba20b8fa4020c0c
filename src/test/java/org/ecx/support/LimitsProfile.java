package org.ecx.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Low per-principal limits and a short body-read timeout, so that tests can reach them quickly. */
public class LimitsProfile implements QuarkusTestProfile {

    public static final int CONCURRENT = 4;
    public static final int WRITE_BURST = 3;
    public static final int SCREENING_BURST = 2;
    public static final int BODY_TIMEOUT_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ecx.limits.concurrent-per-principal", String.valueOf(CONCURRENT),
                "ecx.limits.writes.burst", String.valueOf(WRITE_BURST),
                "ecx.limits.writes.per-second", "0.001",
                "ecx.limits.screening.burst", String.valueOf(SCREENING_BURST),
                "ecx.limits.screening.per-second", "0.001",
                "ecx.limits.body-read-timeout", "PT" + BODY_TIMEOUT_SECONDS + "S");
    }
}
