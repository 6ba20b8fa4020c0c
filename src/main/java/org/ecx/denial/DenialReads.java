package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxException;

/**
 * The read of one current denial as a projection (issue 10): ONE plain JDBC statement on a pooled connection in
 * auto-commit mode, outside JTA and without a Hibernate session. It selects the row through
 * {@link DenialVisibility#sqlOn THE visibility rule}, returns what the view needs (stored snapshot, version,
 * undercut notices) and, when the viewer is not the notifying state, appends the read's audit event in the same
 * statement (a data-modifying CTE): the event is committed exactly when the statement is, i.e. before the
 * response is built, and an invisible or missing denial appends nothing. The connection is returned before the
 * response is rendered or written.
 */
@ApplicationScoped
class DenialReads {

    /** The viewer, a one-row CTE: the rule refers to it by column instead of repeating the parameter. */
    private static final String VIEWER = "WITH v AS (SELECT CAST(? AS varchar) AS viewer),";

    /** The columns of the selected denials with one undercut notice per row (none: one row of NULLs). */
    private static final String ROWS = " SELECT d.id, d.seq, d.notifying_state, d.version, CAST(d.body AS text),"
            + " n.granting_state, n.granted_at, n.consultation_id FROM d LEFT JOIN undercut_notice n"
            + " ON n.denial_id = d.id ORDER BY d.seq, n.granted_at, n.id";

    /** One denial by id; another state's read appended. Parameters: viewer, id, the audit insert's. */
    private static final String CURRENT = VIEWER
            + " d AS (SELECT d.id, d.seq, d.notifying_state, d.version, d.body FROM denial d, v WHERE d.id = ? AND "
            + DenialVisibility.sqlOn("d", "v.viewer") + "),"
            + " a AS (" + AuditLog.insertSelect("CAST(d.id AS varchar)", "d.notifying_state",
                    "d, v WHERE d.notifying_state <> v.viewer") + ")" + ROWS;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    /** A denial's current stored state as its viewer may select it. */
    record Current(UUID id, long seq, String notifyingState, int version, String body,
            List<UndercutNotice> notices) {
    }

    /**
     * The current denial if {@code caller} may see it, with its read recorded (another state's denial); otherwise
     * the same 404 as for an id that never existed, and no audit event.
     */
    Current current(UUID id, Caller caller, String action, String recordType) {
        boolean admitted = audit.admitsReads();
        List<Current> found;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setString(1, caller.state());
            ps.setObject(2, id);
            audit.bindInsert(ps, 3, caller.asActor(), action, recordType, admitted);
            found = read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading denial " + id, e);
        }
        if (found.isEmpty()) {
            throw EcxException.notFound();
        }
        afterCommit(caller, found, admitted);
        return found.get(0);
    }

    /**
     * A page of the denials visible to {@code caller} after position {@code after}, in creation order, narrowed by
     * {@code where} (SQL conditions on alias {@code d}, each starting with AND, with {@code params}): up to
     * {@code limit + 1} rows (the last only tells that there is a next page). The reads of the first {@code limit}
     * other-state denials are appended in the same statement, in page order (one insert for the page).
     */
    List<Current> page(Caller caller, long after, String where, List<Object> params, int limit, String action,
            String recordType) {
        String sql = VIEWER
                + " d AS (SELECT d.id, d.seq, d.notifying_state, d.version, d.body FROM denial d, v WHERE "
                + DenialVisibility.sqlOn("d", "v.viewer") + " AND d.seq > ?" + where + " ORDER BY d.seq LIMIT ?),"
                + " a AS (" + AuditLog.insertSelect("CAST(s.id AS varchar)", "s.notifying_state",
                        "(SELECT * FROM d ORDER BY d.seq LIMIT ?) s, v WHERE s.notifying_state <> v.viewer"
                                + " ORDER BY s.seq") + ")" + ROWS;
        boolean admitted = audit.admitsReads();
        List<Current> found;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, caller.state());
            ps.setLong(i++, after);
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            ps.setInt(i++, limit + 1);
            i = audit.bindInsert(ps, i, caller.asActor(), action, recordType, admitted);
            ps.setInt(i, limit); // the page's shown rows, in the insert's FROM (after its SELECT list)
            found = read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a page of denials", e);
        }
        afterCommit(caller, found, admitted);
        return found;
    }

    /**
     * Wakes the sequencer when the statement appended audit events (some row is another state's), or answers 503
     * when it read another state's denial without admission (and so appended nothing, ADR 0019).
     */
    private void afterCommit(Caller caller, List<Current> read, boolean admitted) {
        audit.readCommitted(admitted, read.stream().anyMatch(d -> !caller.isOf(d.notifyingState())));
    }

    /** The denials of a {@link #ROWS} result in its order, each with its notices. */
    private static List<Current> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Current> found = new ArrayList<>();
            Current last = null;
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                if (last == null || !last.id().equals(id)) {
                    last = new Current(id, rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            new ArrayList<>());
                    found.add(last);
                }
                UndercutNotice notice = UndercutNoticeRecord.fromColumns(rs, 6);
                if (notice != null) {
                    last.notices().add(notice);
                }
            }
            return found;
        }
    }
}
