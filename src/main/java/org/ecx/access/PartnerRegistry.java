package org.ecx.access;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The partner registry, held in memory: which states are active partners and which regimes they belong to.
 * Authorizing a request ({@link AccessPolicy}) reads only this snapshot and so takes no database connection,
 * however slowly the client sends its body.
 *
 * <p>Every change to {@code partner_state}, {@code regime_membership} or {@code regime} notifies the
 * PostgreSQL channel {@value #CHANNEL} (trigger of migration V8) when it commits. Each instance listens on
 * it with one dedicated connection outside the pool and reloads the whole (small) registry; after a lost
 * connection it listens again and reloads, so a notification missed meanwhile is never lost for long.
 * The instance that makes a change also reloads at once ({@link #reload()}), so its own next request
 * already sees the change. See ADR 0006.
 */
@ApplicationScoped
public class PartnerRegistry {

    static final String CHANNEL = "ecx_registry";

    private static final Logger LOG = Logger.getLogger(PartnerRegistry.class);

    /** One partner state as cached: immutable. */
    public record Partner(String code, String name, boolean active, Set<String> regimes) {
        public Partner {
            regimes = Set.copyOf(regimes);
        }
    }

    private record Snapshot(Map<String, Partner> states, Set<String> regimes) {
    }

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile Snapshot snapshot;
    private volatile boolean running;
    private Thread listener;

    // after the migrations, the registry bootstrap and the demo data
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        reload();
        running = true;
        listener = new Thread(this::listen, "ecx-registry-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    public boolean isActive(String state) {
        Partner p = snapshot().states().get(state);
        return p != null && p.active();
    }

    public Optional<Partner> find(String state) {
        return Optional.ofNullable(snapshot().states().get(state));
    }

    public List<Partner> all() {
        return snapshot().states().values().stream().sorted(Comparator.comparing(Partner::code)).toList();
    }

    /** Current regime memberships of a state (empty for unknown states). */
    public Set<String> regimesOf(String state) {
        return find(state).map(Partner::regimes).orElse(Set.of());
    }

    public boolean regimeExists(String regime) {
        return snapshot().regimes().contains(regime);
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            // only before startup has finished (e.g. a startup observer that runs earlier)
            reload();
            s = snapshot;
        }
        return s;
    }

    /**
     * Reads the whole registry with one short-lived pooled connection (never while a client is waited on)
     * and replaces the snapshot. Serialized: a reload that starts after a commit always wins over one that
     * started before it.
     */
    public synchronized void reload() {
        Map<String, Partner> states = new HashMap<>();
        Set<String> regimes = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            Map<String, Set<String>> memberships = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select state_code, regime_code from regime_membership")) {
                while (rs.next()) {
                    memberships.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("select code, name, active from partner_state")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    states.put(code, new Partner(code, rs.getString(2), rs.getBoolean(3),
                            memberships.getOrDefault(code, Set.of())));
                }
            }
            try (ResultSet rs = st.executeQuery("select code from regime")) {
                while (rs.next()) {
                    regimes.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the partner registry", e);
        }
        snapshot = new Snapshot(Map.copyOf(states), Set.copyOf(regimes));
    }

    /** The listener thread: LISTEN on a dedicated connection, reload on every notification, reconnect on loss. */
    private void listen() {
        while (running) {
            try (Connection c = connectDedicated()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                reload(); // whatever changed while this instance was not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null && notes.length > 0) {
                        reload();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Partner registry listener lost its connection (%s); reconnecting", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private Connection connectDedicated() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "ecx-registry-listener");
        // TCP keep-alive: a silently dropped connection is noticed and replaced
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: the registry listener needs PostgreSQL");
        }
        c.setAutoCommit(true);
        return c;
    }
}
