package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.ecx.common.StoredJson;

/** The stored forms of a denial ({@code denial.body}, {@code denial_version.body}) and the denial clock. */
@ApplicationScoped
class DenialJson {

    @Inject
    StoredJson storedJson;

    @Inject
    Clock clock;

    String write(Object value) {
        return storedJson.write(value);
    }

    DenialSnapshot read(String body) {
        return storedJson.read(body, DenialSnapshot.class);
    }

    /** Business time, at the precision PostgreSQL stores. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
