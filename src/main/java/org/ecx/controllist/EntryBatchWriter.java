package org.ecx.controllist;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes validated entries of one edition with JDBC batches on the connection of the current transaction,
 * so that thousands of entries cost a few round trips and memory holds one batch at a time.
 */
final class EntryBatchWriter {

    private static final String INSERT = "INSERT INTO control_list_entry (edition_id, code, parent_code, category, "
            + "grp, regime, title, text, notes, status, review_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Session session;
    private final long editionId;
    private final int batchSize;
    private final List<EntryView> buffer = new ArrayList<>();

    EntryBatchWriter(Session session, long editionId, int batchSize) {
        this.session = session;
        this.editionId = editionId;
        this.batchSize = batchSize;
    }

    void add(EntryView entry) {
        buffer.add(entry);
        if (buffer.size() >= batchSize) {
            flush();
        }
    }

    /** Drops what is buffered: once an import has failed nothing more is written (it will be rolled back). */
    void discard() {
        buffer.clear();
    }

    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (EntryView e : buffer) {
                    ps.setLong(1, editionId);
                    ps.setString(2, e.code());
                    ps.setString(3, e.parentCode());
                    ps.setString(4, e.category());
                    ps.setString(5, e.group());
                    ps.setString(6, e.regime());
                    ps.setString(7, e.title());
                    ps.setString(8, e.text());
                    ps.setArray(9, connection.createArrayOf("text", e.notes().toArray(new String[0])));
                    ps.setString(10, e.status().name());
                    if (e.reviewBy() == null) {
                        ps.setNull(11, Types.DATE);
                    } else {
                        ps.setDate(11, Date.valueOf(e.reviewBy()));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        buffer.clear();
    }
}
