package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    /** The columns of one visible denial with one undercut notice per row (none: one row of NULLs). */
    private static final String CURRENT = "WITH v AS (SELECT CAST(? AS varchar) AS viewer),"
            + " d AS (SELECT d.id, d.notifying_state, d.version, d.body FROM denial d, v WHERE d.id = ? AND "
            + DenialVisibility.sqlOn("d", "v.viewer") + "),"
            + " a AS (" + AuditLog.insertSelect("CAST(d.id AS varchar)", "d.notifying_state",
                    "d, v WHERE d.notifying_state <> v.viewer") + ")"
            + " SELECT d.notifying_state, d.version, CAST(d.body AS text), n.granting_state, n.granted_at,"
            + " n.consultation_id FROM d LEFT JOIN undercut_notice n ON n.denial_id = d.id"
            + " ORDER BY n.granted_at, n.id";

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    /** A denial's current stored state as its viewer may select it. */
    record Current(UUID id, String notifyingState, int version, String body, List<UndercutNotice> notices) {
    }

    /**
     * The current denial if {@code caller} may see it, with its read recorded (another state's denial); otherwise
     * the same 404 as for an id that never existed, and no audit event.
     */
    Current current(UUID id, Caller caller, String action, String recordType) {
        Current found;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setString(1, caller.state());
            ps.setObject(2, id);
            audit.bindInsert(ps, 3, caller.asActor(), action, recordType);
            found = read(id, ps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading denial " + id, e);
        }
        if (found == null) {
            throw EcxException.notFound();
        }
        if (!caller.isOf(found.notifyingState())) {
            audit.committedOutsideJta();
        }
        return found;
    }

    private static Current read(UUID id, PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            Current found = null;
            List<UndercutNotice> notices = new ArrayList<>();
            while (rs.next()) {
                if (found == null) {
                    found = new Current(id, rs.getString(1), rs.getInt(2), rs.getString(3), notices);
                }
                String granting = rs.getString(4);
                if (granting != null) {
                    notices.add(new UndercutNotice(granting, rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6, UUID.class)));
                }
            }
            return found;
        }
    }
}
