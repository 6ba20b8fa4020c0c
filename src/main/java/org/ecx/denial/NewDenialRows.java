package org.ecx.denial;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;

/**
 * Inserts a new denial's rows — {@code denial}, its first {@code denial_version}, its recipients, items and parties
 * — with ONE statement (data-modifying CTEs) on the transaction's connection, instead of an ORM flush of the managed
 * entity and its element collections (one statement and round trip per row, and Hibernate's read-back of the
 * generated {@code seq}: about a third of {@code POST /denials}' CPU profile, docs/benchmarks.md, issue 10).
 *
 * <p>The insert is guarded by the unique national reference of the notifying state ({@code ON CONFLICT DO
 * NOTHING}): when another denial of the state holds it, committed or being committed, nothing is inserted and the
 * caller gets {@code false} — the uniqueness check and the insert are one statement, so two concurrent creates of
 * one reference give one denial and one 409. The foreign keys of the child rows are checked at the end of the
 * statement, when the denial row exists.
 *
 * <p>Amendments, renewals and revocations keep the ORM (the row is loaded and locked, then changed).
 */
final class NewDenialRows {

    /** Item and party {@code idx} start at 0, as Hibernate's {@code @OrderColumn} writes them. */
    private static final String INSERT = """
            WITH d AS (
              INSERT INTO denial (id, notifying_state, national_reference, decision_type, decision_date, notified_at,
                                  review_due_at, status, destination_country, dist_scope, dist_regime, version,
                                  updated_at, body)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb))
              ON CONFLICT (notifying_state, national_reference) DO NOTHING
              RETURNING id, version, body),
            v AS (
              INSERT INTO denial_version (denial_id, version, change_type, changed_at, changed_by, body)
              SELECT id, version, ?, ?, ?, body FROM d),
            r AS (
              INSERT INTO denial_recipient (denial_id, state)
              SELECT d.id, s.state FROM d, unnest(cast(? AS varchar[])) AS s (state)),
            i AS (
              INSERT INTO denial_item (denial_id, idx, control_entry)
              SELECT d.id, x.n - 1, x.entry FROM d, unnest(cast(? AS varchar[])) WITH ORDINALITY AS x (entry, n)),
            p AS (
              INSERT INTO denial_party (denial_id, idx, role, name, country)
              SELECT d.id, x.n - 1, x.role, x.name, x.country
              FROM d, unnest(cast(? AS varchar[]), cast(? AS varchar[]), cast(? AS varchar[]))
                      WITH ORDINALITY AS x (role, name, country, n))
            SELECT count(*) FROM d""";

    private NewDenialRows() {
    }

    /**
     * Inserts {@code d} (every column set, {@link Denial#body} written) as its version {@link Denial#version}
     * with {@code changeType} by {@code changedBy}. False, with nothing inserted, when the state already has a
     * denial with this national reference.
     */
    static boolean insert(EntityManager em, Denial d, String changeType, String changedBy) {
        return em.unwrap(Session.class).doReturningWork(c -> insert(c, d, changeType, changedBy));
    }

    private static boolean insert(Connection c, Denial d, String changeType, String changedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 0;
            ps.setObject(++i, d.id);
            ps.setString(++i, d.notifyingState);
            ps.setString(++i, d.nationalReference);
            ps.setString(++i, d.decisionType);
            ps.setObject(++i, d.decisionDate);
            ps.setObject(++i, utc(d.notifiedAt));
            ps.setObject(++i, utc(d.reviewDueAt));
            ps.setString(++i, d.status);
            ps.setString(++i, d.destinationCountry);
            ps.setString(++i, d.distScope);
            ps.setString(++i, d.distRegime);
            ps.setInt(++i, d.version);
            ps.setObject(++i, utc(d.updatedAt));
            ps.setString(++i, d.body);
            ps.setString(++i, changeType);
            ps.setObject(++i, utc(d.updatedAt));
            ps.setString(++i, changedBy);
            ps.setArray(++i, varchars(c, d.recipients.toArray(String[]::new)));
            ps.setArray(++i, varchars(c, d.items.stream().map(item -> item.controlEntry).toArray(String[]::new)));
            ps.setArray(++i, varchars(c, d.parties.stream().map(p -> p.role).toArray(String[]::new)));
            ps.setArray(++i, varchars(c, d.parties.stream().map(p -> p.name).toArray(String[]::new)));
            ps.setArray(++i, varchars(c, d.parties.stream().map(p -> p.country).toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private static Array varchars(Connection c, String[] values) throws SQLException {
        return c.createArrayOf("varchar", values);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
