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

    /**
     * Parsed snapshots of COMMITTED denial versions, by (id, version): a version's body never changes once
     * committed (every change of {@code denial.body} is a new version), so the read paths parse each version once
     * instead of on every read (Jackson was the largest ECX-side CPU group of the single read after the projection,
     * docs/benchmarks.md). Bounded; the snapshot is shared read-only — the redactor builds new views from it.
     */
    private final com.github.benmanes.caffeine.cache.Cache<VersionKey, DenialSnapshot> committed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000).build();

    private record VersionKey(java.util.UUID id, int version) {
    }

    /** The snapshot of a committed version as read from the database (never one written in this transaction). */
    DenialSnapshot readCommitted(java.util.UUID id, int version, String body) {
        return committed.get(new VersionKey(id, version), k -> read(body));
    }

    /** Business time, at the precision PostgreSQL stores. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
