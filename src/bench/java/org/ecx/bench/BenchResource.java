package org.ecx.bench;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The ceilings of the benchmark (.ci/bench/run, docs/benchmarks.md): what the same stack (Vert.x, Quarkus
 * REST, Agroal, PostgreSQL JDBC) does for the same row with no authorization, no visibility, no redaction
 * and no audit chain. Compiled only by the Maven profile {@code bench} (source folder src/bench/java):
 * never part of the production artifact, never seen by the tests. The table {@code bench_audit} (the columns and
 * sizes of {@code audit_event}, without the chain) is created by .ci/bench/run as the owner role: the application
 * role may not create tables.
 */
@Path("/bench")
public class BenchResource {

    @Inject
    DataSource dataSource;

    /** Ceiling of {@code GET /denials/{id}}: the denial's stored body by primary key. */
    @GET
    @Path("/denials/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String read(@PathParam("id") UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return body(c, id);
        }
    }

    /** Ceiling of an audited read: the same, plus one audit-sized insert, in one transaction. */
    @GET
    @Path("/audited-denials/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String auditedRead(@PathParam("id") UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String body = body(c, id);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_audit (at, actor_state, actor,"
                        + " action, record_type, record_id, owner_state, previous_hash, hash)"
                        + " VALUES (?, 'FR', 'fr-licensing-officer', 'DENIAL_READ', 'DENIAL', ?, 'DE', ?, ?)")) {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setString(2, id.toString());
                    ps.setString(3, "0".repeat(64));
                    ps.setString(4, "f".repeat(64));
                    ps.executeUpdate();
                }
                c.commit();
                return body;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String body(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM denial WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new jakarta.ws.rs.NotFoundException();
                }
                return rs.getString(1);
            }
        }
    }
}
