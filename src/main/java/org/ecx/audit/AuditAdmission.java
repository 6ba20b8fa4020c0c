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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.sequencer.SequencerNode;
import org.jboss.logging.Logger;

/**
 * Bounds the unsealed audit window (ADR 0019): reads of other states' records, which append audit events, are
 * refused while the audit event the sequencer seals next has waited longer than
 * {@code ecx.sequencer.max-unsealed-age} and at least {@code min-unsealed-rows} events wait (the sequencer is
 * behind, not merely delayed). Both are database facts shared by every instance (whichever runs the sequencer):
 * each instance reads them on a thread of its own every {@code unsealed-check-every} (two short walks of the
 * unsealed-rows index on a pooled connection held for that query only) and request threads read the cached values,
 * so a decision costs no database work and never waits. When the probe fails, reads are admitted (the window is a
 * matter of freshness, never of correctness: nothing is lost or misordered while it grows).
 */
@ApplicationScoped
class AuditAdmission {

    private static final Logger LOG = Logger.getLogger(AuditAdmission.class);

    /**
     * The age of the row the sequencer seals next (its order, on the partial index {@code audit_event_unsealed})
     * and the number of unsealed rows, counted up to the parameter.
     */
    static final String UNSEALED = "SELECT (SELECT extract(epoch FROM clock_timestamp() - inserted_at)"
            + " FROM audit_event WHERE seq IS NULL ORDER BY xid, id LIMIT 1),"
            + " (SELECT count(*) FROM (SELECT 1 FROM audit_event WHERE seq IS NULL LIMIT ?) s)";

    @Inject
    EcxConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private volatile double unsealedAgeSeconds;
    private volatile long unsealedRows;
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

    /** Reads the age and number of unsealed events now (also called by tests instead of waiting for the probe). */
    void refresh() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                PreparedStatement ps = c.prepareStatement(UNSEALED)) {
            c.setAutoCommit(false);
            try {
                // the sealing order's partial index, never a bitmap scan and sort of every unsealed row (as for
                // the sequencer's passes, SequencerNode.planSealingPasses): two short walks of that index
                for (String setting : SequencerNode.SEALING_ORDER) {
                    st.execute("SET LOCAL " + setting);
                }
                ps.setInt(1, Math.max(1, config.sequencer().minUnsealedRows()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    unsealedAgeSeconds = Math.max(0, rs.getDouble(1)); // NULL (none waiting): 0
                    unsealedRows = rs.getLong(2);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException ex) {
            LOG.debugf("could not read the unsealed audit window (%s); audited reads stay admitted", ex.toString());
            unsealedAgeSeconds = 0;
            unsealedRows = 0;
        }
    }

    /** Whether an audited read may append its events now. */
    boolean admits() {
        return admits(bound(), config.sequencer().minUnsealedRows(), unsealedAgeSeconds, unsealedRows);
    }

    /**
     * The rule: refused only when a bound is set, the next event to seal has waited longer than it, and at least
     * {@code minRows} events wait.
     */
    static boolean admits(double boundSeconds, int minRows, double ageSeconds, long rows) {
        return boundSeconds <= 0 || ageSeconds <= boundSeconds || rows < minRows;
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
