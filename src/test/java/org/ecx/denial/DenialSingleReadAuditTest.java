package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.support.DenialFixtures.denial;
import static org.ecx.support.DenialFixtures.withScope;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ecx.support.Api;
import org.ecx.support.Sealing;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /denials/{id}} reads the denial and appends the read's audit event in one statement outside JTA
 * ({@link DenialReads}): the event exists exactly when the denial was shown, and the sequencer seals it into the
 * chain like any other.
 */
@QuarkusTest
class DenialSingleReadAuditTest {

    @Inject
    DataSource dataSource;

    private static String notify(String scope, List<String> states) {
        return Api.as("DE", "denial-officer").body(withScope(denial(), scope, null, states).toString())
                .post("/api/v1/denials").then().statusCode(201).extract().path("id");
    }

    /** The audit events recorded for reads of the denial: actor state and seq (null while unsealed). */
    private List<Object[]> readEvents(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor_state, actor, owner_state, seq, hash FROM audit_event"
                        + " WHERE record_type = 'DENIAL' AND record_id = ? AND action = 'DENIAL_READ' ORDER BY id")) {
            ps.setString(1, id);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4),
                            rs.getString(5)});
                }
            }
            return rows;
        }
    }

    @Test
    void anotherStatesReadIsOneAuditEventThatTheSequencerSealsIntoAValidChain() throws SQLException {
        String id = notify("ALL_PARTNERS", null);

        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("notifyingState", equalTo("DE"));

        Sealing.await();
        List<Object[]> events = readEvents(id);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)[0]).isEqualTo("FR");
        assertThat((String) events.get(0)[1]).isNotBlank();
        assertThat(events.get(0)[2]).isEqualTo("DE");
        assertThat(events.get(0)[3]).as("sealed: a sequence number").isNotNull();
        assertThat((String) events.get(0)[4]).hasSize(64);
        Api.as("DE", "auditor").get("/api/v1/denials/" + id + "/access-receipts").then().statusCode(200)
                .body("find { it.state == 'FR' }.reads", equalTo(1));
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void theNotifyingStatesOwnReadAppendsNoAuditEvent() throws SQLException {
        String id = notify("ALL_PARTNERS", null);

        Api.as("DE", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("id", equalTo(id));

        Sealing.await();
        assertThat(readEvents(id)).isEmpty();
    }

    @Test
    void aDenialTheCallerMayNotSeeIsTheMissingDenials404AndAppendsNoAuditEvent() throws SQLException {
        String id = notify("STATES", List.of("FR"));
        String missing = UUID.randomUUID().toString();

        String invisible = Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(404)
                .extract().body().asString();
        String absent = Api.as("JP", "licensing-officer").get("/api/v1/denials/" + missing).then().statusCode(404)
                .extract().body().asString();

        assertThat(invisible.replace(id, "ID")).isEqualTo(absent.replace(missing, "ID"));
        Sealing.await();
        assertThat(readEvents(id)).isEmpty();
        assertThat(readEvents(missing)).isEmpty();
    }

    @Test
    void aListedRecipientSeesTheStatesDenialWithItsReadAudited() throws SQLException {
        String id = notify("STATES", List.of("FR"));

        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("distribution.scope", equalTo("STATES")).body("distribution.states", equalTo(null));

        Sealing.await();
        assertThat(readEvents(id)).extracting(e -> e[0]).containsExactly("FR");
    }
}
