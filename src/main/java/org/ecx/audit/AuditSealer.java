package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.ecx.common.EcxConfig;
import org.ecx.sequencer.Sealer;

/**
 * Seals audit events (ADR 0007): gives the next events, in commit order, their sequence number and keyed chain
 * hash, moves the head, and now and then writes a signed checkpoint of the head. Runs only in the active
 * sequencer, on its connection; the head's row lock makes two sealers (during a takeover) take turns.
 */
@ApplicationScoped
public class AuditSealer implements Sealer {

    @Inject
    AuditKeys keys;

    @Inject
    EcxConfig config;

    @Inject
    Clock clock;

    private volatile long lastCheckpointNanos = System.nanoTime();

    @Override
    public String table() {
        return "audit_event";
    }

    @Override
    public int seal(Connection c, int max, DoubleConsumer lagSeconds) throws SQLException {
        long lastSeq;
        String lastHash;
        long keyedAfter;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash, keyed_after FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
            keyedAfter = rs.getLong(3);
        }
        int sealed = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT id, at, actor_state, actor, action, record_type,"
                + " record_id, owner_state, extract(epoch FROM clock_timestamp() - inserted_at) FROM audit_event"
                + " WHERE " + SEALABLE + " ORDER BY xid, id LIMIT ?");
                // one set-based UPDATE for the whole pass (arrays of ids, numbers and hashes) instead of one
                // statement per row: at 17,000 audited reads per second the per-row statements were the limit
                PreparedStatement update = c.prepareStatement("UPDATE audit_event a SET seq = v.seq,"
                        + " previous_hash = v.previous_hash, hash = v.hash FROM unnest(?::bigint[], ?::bigint[],"
                        + " ?::text[], ?::text[]) AS v(id, seq, previous_hash, hash) WHERE a.id = v.id")) {
            select.setInt(1, max);
            List<Long> ids = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            List<String> previous = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long seq = lastSeq + 1;
                    AuditChain.Link link = new AuditChain.Link(seq,
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), lastHash);
                    String hash = keys.chain().hash(link, keyedAfter);
                    ids.add(rs.getLong(1));
                    seqs.add(seq);
                    previous.add(lastHash);
                    hashes.add(hash);
                    lagSeconds.accept(rs.getDouble(9));
                    lastSeq = seq;
                    lastHash = hash;
                    sealed++;
                }
            }
            if (sealed > 0) {
                update.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                update.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
                update.setArray(3, c.createArrayOf("text", previous.toArray()));
                update.setArray(4, c.createArrayOf("text", hashes.toArray()));
                if (update.executeUpdate() != sealed) {
                    throw new SQLException("sealing updated another number of audit events than it selected");
                }
                try (PreparedStatement head = c.prepareStatement(
                        "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    head.setLong(1, lastSeq);
                    head.setString(2, lastHash);
                    head.executeUpdate();
                }
            }
        }
        checkpointIfDue(c, lastSeq, lastHash);
        return sealed;
    }

    /** Signs the head when the checkpoint interval has passed and the head moved since the last checkpoint. */
    private void checkpointIfDue(Connection c, long seq, String hash) throws SQLException {
        long now = System.nanoTime();
        if (seq == 0 || now - lastCheckpointNanos < config.sequencer().checkpointEvery().toNanos()) {
            return;
        }
        lastCheckpointNanos = now;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint (seq, hash, at, key_id, signature)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, keys.keyId());
            ps.setString(5, keys.sign(seq, hash, at));
            ps.executeUpdate();
        }
    }
}
