package org.ecx.sequencer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * One candidate for the cluster's sequencer: a thread with its own database connection (never a pooled one) that
 * tries to take a session-level advisory lock and, while it holds it, seals in short passes. When the instance
 * or its connection dies, PostgreSQL releases the lock and a standby takes over at its next try (ADR 0007).
 *
 * <p>Woken on commit instead of waiting for the next poll: a commit on this instance wakes the pass directly when
 * this node is the active sequencer; on a standby, the node's thread sends one {@code NOTIFY ecx_seal} on its own
 * connection (coalesced: any number of commits meanwhile, one notification), which a second thread of every node,
 * listening on a second connection of its own, turns into a wake of the active one. The poll every
 * {@code interval} stays as the fallback (a lost notification, an instance without a sequencer).
 */
public final class SequencerNode {

    /** The advisory lock key of the sequencer ("ECXSEQ" in ASCII). */
    public static final long LOCK_KEY = 0x454358534551L;

    /** The channel on which standbys tell the active sequencer that rows to seal were committed. */
    public static final String CHANNEL = "ecx_seal";

    private static final Logger LOG = Logger.getLogger(SequencerNode.class);

    /** Opens the node's dedicated connection. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final String name;
    private final ConnectionFactory connections;
    private final List<Sealer> sealers;
    private final Duration interval;
    private final Duration takeoverCheck;
    private final int batchSize;
    private final DoubleConsumer lag;
    private final LongConsumer unsealedRows;
    private long lastSample;
    private final Object monitor = new Object();
    private volatile boolean running;
    private volatile boolean leader;
    private volatile Connection connection;
    private long passes;
    private boolean wakeRequested;
    private boolean notifyRequested;
    private Thread thread;
    private Thread listener;
    private volatile Connection listenConnection;

    public SequencerNode(String name, ConnectionFactory connections, List<Sealer> sealers, Duration interval,
            Duration takeoverCheck, int batchSize, DoubleConsumer lag, LongConsumer unsealedRows) {
        this.name = name;
        this.connections = connections;
        this.sealers = List.copyOf(sealers);
        this.interval = interval;
        this.takeoverCheck = takeoverCheck;
        this.batchSize = batchSize;
        this.lag = lag;
        this.unsealedRows = unsealedRows;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ecx-sequencer-" + name);
        thread.setDaemon(true);
        thread.start();
        listener = new Thread(this::listen, "ecx-sequencer-listener-" + name);
        listener.setDaemon(true);
        listener.start();
    }

    /** Stops the thread and closes the connection, which releases the lock. */
    public void stop() {
        Thread t;
        Thread l;
        synchronized (this) {
            running = false;
            t = thread;
            l = listener;
        }
        wake();
        for (Thread each : new Thread[] {t, l}) {
            if (each != null) {
                try {
                    each.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closeConnection();
        close(listenConnection);
        listenConnection = null;
    }

    public boolean isLeader() {
        return leader;
    }

    /** The backend process id of this node's connection (tests end it to force a takeover), or -1. */
    public int backendPid() {
        Connection c = connection;
        if (c == null) {
            return -1;
        }
        try {
            return c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Rows to seal were committed on this instance: the active sequencer passes now; a standby tells the active
     * one (on another instance) with one coalesced notification. Never blocks, never touches the database on the
     * caller's thread.
     */
    public void committed() {
        if (leader) {
            wake();
            return;
        }
        synchronized (monitor) {
            notifyRequested = true;
            monitor.notifyAll();
        }
    }

    /** Asks for a pass now instead of after the interval. */
    public void wake() {
        synchronized (monitor) {
            wakeRequested = true;
            monitor.notifyAll();
        }
    }

    /** Waits until this node (when leader) completed a pass that started after this call, or the timeout. */
    public void awaitPass(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            long target = passes + 2;
            wakeRequested = true;
            monitor.notifyAll();
            while (passes < target && running && leader) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void run() {
        while (running) {
            try {
                if (connection == null) {
                    connection = connections.open();
                    planSealingPasses(connection);
                    leader = false;
                }
                if (!leader) {
                    leader = tryLock(connection);
                    if (!leader) {
                        standBy(connection);
                        continue;
                    }
                    LOG.infof("sequencer %s is now the active sequencer", name);
                }
                int sealed = 0;
                for (Sealer s : sealers) {
                    sealed += Sealer.pass(s, connection, batchSize, lag);
                }
                sampleUnsealed(connection);
                synchronized (monitor) {
                    passes++;
                    monitor.notifyAll();
                }
                if (sealed == 0) {
                    pause(interval);
                }
            } catch (Exception | AssertionError e) {
                // Never let the sealing thread die: the driver may also fail with an AssertionError when the
                // connection is closed under a running batch (seen in FeedConcurrencyTest's forced takeover);
                // a dead thread would leave this instance's commits unsealed until restart.
                if (running) {
                    LOG.warnf("sequencer %s lost its connection or failed a pass (%s); retrying", name, e.toString());
                }
                leader = false;
                closeConnection();
                pause(takeoverCheck);
            }
        }
        leader = false;
    }

    /**
     * Waits until the next try of the lock, meanwhile forwarding this instance's commits to the active sequencer
     * as notifications (delivered to its listener).
     */
    private void standBy(Connection c) throws SQLException {
        long until = System.nanoTime() + takeoverCheck.toNanos();
        while (running) {
            boolean send;
            synchronized (monitor) {
                long left = until - System.nanoTime();
                if (!notifyRequested && !wakeRequested && left > 0 && running) {
                    try {
                        monitor.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
                send = notifyRequested;
                notifyRequested = false;
                if (!send && (wakeRequested || System.nanoTime() >= until)) {
                    wakeRequested = false;
                    return;
                }
            }
            if (send) {
                try (Statement st = c.createStatement()) {
                    st.execute("NOTIFY " + CHANNEL);
                }
                c.commit();
            }
        }
    }

    /**
     * The listener thread: LISTEN on a connection of its own and wake the pass on every notification while this
     * node is the active sequencer; reconnects after a lost connection (the poll covers the gap).
     */
    private void listen() {
        while (running) {
            try {
                if (listenConnection == null) {
                    Connection c = connections.open();
                    c.setAutoCommit(true);
                    try (Statement st = c.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                    listenConnection = c;
                }
                org.postgresql.PGNotification[] notes = listenConnection.unwrap(org.postgresql.PGConnection.class)
                        .getNotifications(500);
                if (notes != null && notes.length > 0 && leader) {
                    wake();
                }
            } catch (Exception | AssertionError e) { // never let the listener thread die (see run())
                if (running) {
                    LOG.debugf("sequencer %s listener lost its connection (%s); reconnecting", name, e.toString());
                }
                close(listenConnection);
                listenConnection = null;
                try {
                    Thread.sleep(takeoverCheck.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** About once a second, the number of rows still unsealed (for the metric). */
    private void sampleUnsealed(Connection c) throws SQLException {
        long now = System.nanoTime();
        if (now - lastSample < 1_000_000_000L) {
            return;
        }
        lastSample = now;
        long total = 0;
        for (Sealer s : sealers) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + s.table() + " WHERE seq IS NULL")) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        c.commit();
        unsealedRows.accept(total);
    }

    /**
     * Makes the planner walk the unsealed rows' partial index in sealing order and update sealed rows by primary
     * key, whatever its statistics say (docs/benchmarks.md, issue 10 "sealer profile"). The sealed tables grow by
     * hundreds of thousands of rows between two automatic analyses, and with the statistics of a smaller table the
     * planner chose a bitmap scan of every unsealed row plus a sort for each pass's {@code LIMIT} (a pass cost grew
     * with the backlog: the slower the sealer, the slower it got) and a hash join over a sequential scan of the
     * whole table for the set-based {@code UPDATE} (a pass cost grew with the table); with those off, it may still
     * scan the NULLs of the {@code seq} index and sort them. Session settings of this node's own connection only;
     * every statement on it has an index path that needs no sort.
     */
    /**
     * The planner settings of {@link #planSealingPasses}, also set (transaction-local) by whoever reads the unsealed
     * rows in sealing order: no sequential or bitmap scan, and no sort (nor an index scan of the {@code seq} index's
     * NULLs and a sort, seen in the suite): the partial index is in order.
     */
    public static final List<String> SEALING_ORDER = List.of("enable_seqscan = off", "enable_bitmapscan = off",
            "enable_sort = off");

    static void planSealingPasses(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            for (String setting : SEALING_ORDER) {
                st.execute("SET " + setting);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            rs.next();
            boolean got = rs.getBoolean(1);
            c.setAutoCommit(false);
            return got;
        }
    }

    private void pause(Duration d) {
        synchronized (monitor) {
            if (!wakeRequested && running) {
                try {
                    monitor.wait(Math.max(1, d.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        close(c);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
