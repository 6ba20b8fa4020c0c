package org.ecx.sequencer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.ecx.common.EcxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's candidate for the cluster's one active sequencer (ADR 0007), with its metrics:
 * {@code ecx_sequencer_lag_seconds} (insertion to seal, per row), {@code ecx_sequencer_unsealed_rows} and
 * {@code ecx_sequencer_leader}.
 */
@ApplicationScoped
public class Sequencer {

    @Inject
    EcxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    @Any
    Instance<Sealer> sealerBeans;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** The key under which a transaction remembers that it already asked for a pass after its commit. */
    private static final String WAKE_KEY = Sequencer.class.getName() + ".wake";

    private final AtomicLong unsealed = new AtomicLong();
    private Timer lag;
    private SequencerNode node;

    void start(@Observes StartupEvent e) {
        lag = Timer.builder("ecx.sequencer.lag").description("From the insertion of an audit event or feed change to its seal")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        Gauge.builder("ecx.sequencer.unsealed.rows", unsealed, AtomicLong::get)
                .description("Audit events and feed changes not sealed yet (sampled by the active sequencer)")
                .register(registry);
        if (config.sequencer().enabled()) {
            node = newNode("main-" + UUID.randomUUID().toString().substring(0, 8));
            Gauge.builder("ecx.sequencer.leader", node, n -> n.isLeader() ? 1 : 0)
                    .description("1 while this instance is the active sequencer").register(registry);
            node.start();
        }
    }

    void stop(@Observes ShutdownEvent e) {
        if (node != null) {
            node.stop();
        }
    }

    /** A new candidate with its own connection, not started (the instance's own, and competitors in tests). */
    public SequencerNode newNode(String name) {
        return newNode(name, config.sequencer().interval());
    }

    /** The same with another poll interval (tests: a competitor that only a wake, never its poll, makes pass). */
    public SequencerNode newNode(String name, Duration interval) {
        List<Sealer> sealers = new ArrayList<>();
        sealerBeans.forEach(sealers::add);
        sealers.sort(java.util.Comparator.comparing(Sealer::table));
        return new SequencerNode(name, () -> DriverManager.getConnection(jdbcUrl, username, password), sealers,
                interval, config.sequencer().takeoverCheck(), config.sequencer().batchSize(),
                seconds -> lag.record((long) (seconds * 1e9), TimeUnit.NANOSECONDS), unsealed::set);
    }

    /**
     * Called by the writers of sealed rows inside their transaction: when it commits, the active sequencer is
     * woken (directly, or by a notification from this instance's standby) instead of at its next poll. Once per
     * transaction; nothing happens on a rollback, or when this instance runs no candidate (the poll remains).
     */
    public void sealAfterCommit() {
        SequencerNode n = node;
        if (n == null || transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the wake is for committed rows only
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    n.committed();
                }
            }
        });
    }

    /** This instance's candidate, or null when disabled. */
    public SequencerNode node() {
        return node;
    }

    /**
     * Waits until every audit event and feed change committed before this call is sealed (whichever instance is
     * the sequencer). For tests and for checks that read the audit log or the feed right after writing.
     *
     * @throws IllegalStateException when they are not sealed within {@code timeout}
     */
    public void awaitSealed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> upTo = new LinkedHashMap<>();
            for (Sealer s : sealerBeans) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM " + s.table())) {
                    rs.next();
                    upTo.put(s.table(), rs.getLong(1));
                }
            }
            while (pending(c, upTo)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rows still unsealed after " + timeout);
                }
                if (node != null && node.isLeader()) {
                    node.awaitPass(Duration.ofMillis(200));
                } else {
                    Thread.sleep(5);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean pending(Connection c, Map<String, Long> upTo) throws SQLException {
        for (Map.Entry<String, Long> t : upTo.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM " + t.getKey() + " WHERE seq IS NULL AND id <= ?)")) {
                ps.setLong(1, t.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
