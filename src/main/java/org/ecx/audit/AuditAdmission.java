package org.ecx.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.jboss.logging.Logger;

/**
 * Bounds the unsealed audit window (ADR 0019): reads of other states' records, which append audit events, are
 * admitted only while the audit event the sequencer seals next has waited at most
 * {@code ecx.sequencer.max-unsealed-age}. The age is a database fact shared by every instance (whichever runs the
 * sequencer): each instance reads it on a thread of its own every {@code unsealed-check-every} (one probe of the
 * unsealed-rows index on a pooled connection held for that query only) and request threads read the cached value,
 * so a decision costs no database work and never waits. When the probe fails, reads are admitted (the window is a
 * matter of freshness, never of correctness: nothing is lost or misordered while it grows).
 */
@ApplicationScoped
class AuditAdmission {

    private static final Logger LOG = Logger.getLogger(AuditAdmission.class);

    /** The row the sequencer seals next (its order, on the partial index {@code audit_event_unsealed}). */
    static final String OLDEST_UNSEALED_AGE = "SELECT extract(epoch FROM clock_timestamp() - inserted_at)"
            + " FROM audit_event WHERE seq IS NULL ORDER BY xid, id LIMIT 1";

    @Inject
    EcxConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private volatile double unsealedAgeSeconds;
    private Counter refused;
    private ScheduledExecutorService probe;

    void start(@Observes StartupEvent e) {
        Gauge.builder("ecx.audit.unsealed.age.seconds", this, a -> a.unsealedAgeSeconds)
                .description("How long the audit event the sequencer seals next has waited (0: none waiting)")
                .register(registry);
        refused = Counter.builder("ecx.audit.admission.refused")
                .description("Audited reads answered 503 because the unsealed audit window passed its bound")
                .register(registry);
        if (bound() > 0) {
            probe = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ecx-audit-admission");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, config.sequencer().unsealedCheckEvery().toMillis());
            probe.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent e) {
        if (probe != null) {
            probe.shutdownNow();
        }
    }

    /** Reads the age of the oldest unsealed event now (also called by tests instead of waiting for the probe). */
    void refresh() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // the sealing order's partial index, never a bitmap scan and sort of every unsealed row (as for
                // the sequencer's passes, SequencerNode.planSealingPasses): the probe costs one index probe
                st.execute("SET LOCAL enable_seqscan = off");
                st.execute("SET LOCAL enable_bitmapscan = off");
                try (ResultSet rs = st.executeQuery(OLDEST_UNSEALED_AGE)) {
                    unsealedAgeSeconds = rs.next() ? Math.max(0, rs.getDouble(1)) : 0;
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException ex) {
            LOG.debugf("could not read the unsealed audit window (%s); audited reads stay admitted", ex.toString());
            unsealedAgeSeconds = 0;
        }
    }

    /** Whether an audited read may append its events now. */
    boolean admits() {
        double bound = bound();
        return bound <= 0 || unsealedAgeSeconds <= bound;
    }

    /** The 503 for a read refused by {@link #admits}, counted. */
    EcxException refusal() {
        refused.increment();
        return EcxException.unavailable("Reads of other states' records are paused for a moment while the audit log"
                + " seals the reads already made (the unsealed window passed its bound); retry after the indicated"
                + " delay.", 1);
    }

    private double bound() {
        return config.sequencer().maxUnsealedAge().toNanos() / 1e9;
    }
}
