package org.ecx.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A sealing pass costs what it seals, not what the tables hold (issue 10, sealer profile in docs/benchmarks.md):
 * on the sequencer's connection the pass walks the unsealed rows' partial index in sealing order (no scan and sort
 * of every unsealed row) and updates the sealed rows by primary key (no scan of the whole table), whatever the
 * planner's statistics say. The test database's tables are small: left to itself the planner updates through a
 * hash join over a sequential scan there (and, with statistics older than the backlog, reads the unsealed rows
 * through a bitmap scan and a sort, measured on the benchmark's tables).
 */
@QuarkusTest
class SealingPassPlanTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aPassReadsTheNextUnsealedRowsInIndexOrderAndUpdatesThemByPrimaryKey() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, username, password)) {
            SequencerNode.planSealingPasses(c);
            c.setAutoCommit(false);
            for (String table : new String[] {"audit_event", "feed_change"}) {
                String select = plan(c, "SELECT id FROM " + table + " WHERE " + Sealer.SEALABLE
                        + " ORDER BY xid, id LIMIT 1000");
                assertThat(select).as(select).contains("using " + table + "_unsealed")
                        .doesNotContain("Sort").doesNotContain("Seq Scan").doesNotContain("Bitmap");
            }
            String update = plan(c, "UPDATE audit_event a SET seq = v.seq FROM unnest(ARRAY[1, 2, 3]::bigint[],"
                    + " ARRAY[1, 2, 3]::bigint[]) AS v(id, seq) WHERE a.id = v.id");
            assertThat(update).as(update).contains("Index Scan using audit_event_pkey").doesNotContain("Seq Scan");
            c.rollback();
        }
    }

    private static String plan(Connection c, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
