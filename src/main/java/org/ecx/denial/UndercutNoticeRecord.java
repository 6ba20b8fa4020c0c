package org.ecx.denial;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** Stored undercut notice; read with the denial it belongs to. */
@Entity
@Table(name = "undercut_notice")
public class UndercutNoticeRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "consultation_id", nullable = false, unique = true)
    public UUID consultationId;

    @Column(name = "granting_state", nullable = false, length = 2)
    public String grantingState;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public UndercutNotice toNotice() {
        return new UndercutNotice(grantingState, grantedAt, consultationId);
    }

    /** The notices of each of the given denials, oldest first (denials without notices are absent). */
    public static Map<UUID, List<UndercutNotice>> byDenial(Collection<UUID> denialIds) {
        Map<UUID, List<UndercutNotice>> result = new HashMap<>();
        if (denialIds.isEmpty()) {
            return result;
        }
        // plain JDBC with one array parameter: a page of ids is one statement whatever its size (an HQL in-list is
        // translated anew for every list size, a visible part of the feed's CPU profile, docs/benchmarks.md); the
        // session is flushed first, as a query would be, so that notices written in this transaction are seen
        Session session = getEntityManager().unwrap(Session.class);
        if (session.isDirty()) {
            session.flush();
        }
        session.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT denial_id, granting_state, granted_at,"
                    + " consultation_id FROM undercut_notice WHERE denial_id = ANY (?) ORDER BY granted_at, id")) {
                ps.setArray(1, c.createArrayOf("uuid", denialIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(fromColumns(rs, 2));
                    }
                }
            }
        });
        return result;
    }

    /**
     * The notice in a JDBC row's columns {@code first} (granting state), {@code first + 1} (granted at) and
     * {@code first + 2} (consultation id); null when the row has no notice (the columns of an outer join).
     */
    static UndercutNotice fromColumns(ResultSet rs, int first) throws SQLException {
        String granting = rs.getString(first);
        return granting == null ? null : new UndercutNotice(granting,
                rs.getObject(first + 1, OffsetDateTime.class).toInstant(), rs.getObject(first + 2, UUID.class));
    }
}
