package org.ecx.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.DoubleConsumer;
import org.ecx.sequencer.Sealer;

/**
 * Seals feed changes (ADR 0007): gives the next changes, in commit order, their gap-free feed position and moves
 * {@code feed_head}, which readers scan up to. Runs only in the active sequencer, on its connection.
 */
@ApplicationScoped
public class FeedSealer implements Sealer {

    @Override
    public String table() {
        return "feed_change";
    }

    @Override
    public int seal(Connection c, int max, DoubleConsumer lagSeconds) throws SQLException {
        long lastSeq;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM feed_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastSeq = rs.getLong(1);
        }
        int sealed = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT id, extract(epoch FROM clock_timestamp()"
                + " - inserted_at) FROM feed_change WHERE " + SEALABLE + " ORDER BY xid, id LIMIT ?");
                PreparedStatement update = c.prepareStatement("UPDATE feed_change SET seq = ? WHERE id = ?")) {
            select.setInt(1, max);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    update.setLong(1, ++lastSeq);
                    update.setLong(2, rs.getLong(1));
                    update.addBatch();
                    lagSeconds.accept(rs.getDouble(2));
                    sealed++;
                }
            }
            if (sealed > 0) {
                update.executeBatch();
                try (PreparedStatement head = c.prepareStatement("UPDATE feed_head SET last_seq = ? WHERE id = 1")) {
                    head.setLong(1, lastSeq);
                    head.executeUpdate();
                }
            }
        }
        return sealed;
    }
}
