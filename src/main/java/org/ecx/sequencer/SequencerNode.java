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
 */
public final class SequencerNode {

    /** The advisory lock key of the sequencer ("ECXSEQ" in ASCII). */
    public static final long LOCK_KEY = 0x454358534551L;

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
    private Thread thread;

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
    }

    /** Stops the thread and closes the connection, which releases the lock. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wake();
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeConnection();
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
                    leader = false;
                }
                if (!leader) {
                    leader = tryLock(connection);
                    if (!leader) {
                        pause(takeoverCheck);
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
            } catch (SQLException | RuntimeException e) {
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
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
