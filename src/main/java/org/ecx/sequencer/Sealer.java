package org.ecx.sequencer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.DoubleConsumer;

/**
 * Seals one commit-ordered table (ADR 0007): assigns the next sequence numbers to rows whose writing
 * transactions have ended, in order of transaction id then insertion id. Implemented by the audit log and the
 * change feed; called by the active {@link Sequencer} only, on its own connection.
 */
public interface Sealer {

    /** The table sealed; it has the columns {@code id}, {@code seq}, {@code xid} and {@code inserted_at}. */
    String table();

    /**
     * Seals at most {@code max} rows inside the caller's transaction on {@code c} (auto-commit off); the caller
     * commits, or rolls back on an exception. Called only when {@link #anySealable} found work.
     *
     * @param lagSeconds receives, per sealed row, the seconds from its insertion to its seal
     * @return the number of rows sealed
     */
    int seal(Connection c, int max, DoubleConsumer lagSeconds) throws SQLException;

    /**
     * The condition that selects the rows a sealing pass may take: the unsealed rows its snapshot sees, that is,
     * rows of committed transactions. A transaction still running when the pass reads is sealed by a later pass,
     * after every row sealed now: a row is numbered after its transaction commits, never before, so the numbers
     * follow commit order and no row can appear behind a sealed one (ADR 0007, "Amended").
     */
    String SEALABLE = "seq IS NULL";

    /** One pass over {@code sealer}'s table in one transaction: nothing at all when there is nothing to seal. */
    static int pass(Sealer sealer, Connection c, int max, DoubleConsumer lagSeconds) throws SQLException {
        if (!anySealable(c, sealer.table())) {
            return 0;
        }
        try {
            int sealed = sealer.seal(c, max, lagSeconds);
            c.commit();
            return sealed;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Whether {@code table} has rows to seal; checked before a pass locks the head, so idle passes write nothing. */
    private static boolean anySealable(Connection c, String table) throws SQLException {
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + SEALABLE
                        + ")")) {
            rs.next();
            boolean any = rs.getBoolean(1);
            c.commit();
            return any;
        }
    }
}
