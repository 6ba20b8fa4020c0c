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
 * {@code GET /denials/{id}} and {@code GET /denials} read and append the reads' audit events in one statement outside JTA
 * ({@link DenialReads}): the event exists exactly when the denial was shown, and the sequencer seals it into the
 * chain like any other.
 */
@QuarkusTest
class DenialProjectionReadTest {

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

    @Test
    void aListPageAuditsExactlyTheOtherStatesDenialsItShowsAndTheNextPageTheRest() throws SQLException {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        List<String> rare = List.of("KZ", "KG", "LA", "MN", "NP", "PY", "UY", "BO", "TJ", "TM");
        String country = rare.get((int) (System.nanoTime() % rare.size()));
        List<String> notified = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var d = denial();
            ((com.fasterxml.jackson.databind.node.ObjectNode) d.get("parties").get(0)).put("country", country);
            notified.add(Api.as("DE", "denial-officer").body(d.toString()).post("/api/v1/denials").then()
                    .statusCode(201).extract().<String>path("id"));
        }

        var first = Api.as("FR", "licensing-officer").queryParam("partyCountry", country)
                .queryParam("updatedSince", since).queryParam("notifyingState", "DE").queryParam("limit", 2)
                .get("/api/v1/denials").then().statusCode(200).extract().jsonPath();
        List<String> firstIds = first.getList("items.id");
        Sealing.await();
        List<String> audited = new ArrayList<>();
        for (String id : notified) {
            if (!readEvents(id).isEmpty()) {
                audited.add(id);
            }
        }
        var second = Api.as("FR", "licensing-officer").queryParam("partyCountry", country)
                .queryParam("updatedSince", since).queryParam("notifyingState", "DE").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/denials").then().statusCode(200)
                .extract().jsonPath();

        assertThat(firstIds).hasSize(2).isSubsetOf(notified);
        assertThat(audited).as("the row fetched only to know of a next page is not a read")
                .containsExactlyInAnyOrderElementsOf(firstIds);
        List<String> all = new ArrayList<>(firstIds);
        all.addAll(second.getList("items.id"));
        assertThat(all).containsExactlyElementsOf(notified);
        assertThat(second.getString("nextCursor")).isNull();
        Sealing.await();
        for (String id : notified) {
            assertThat(readEvents(id)).hasSize(1).allSatisfy(e -> assertThat(e[3]).isNotNull());
        }
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void theNotifyingStateListsItsOwnDenialsWithoutAuditEvents() throws SQLException {
        String id = notify("ORIGINATOR", null);

        List<String> listed = Api.as("DE", "licensing-officer").queryParam("notifyingState", "DE")
                .queryParam("updatedSince", java.time.Instant.now().minusSeconds(5).toString())
                .queryParam("limit", 500).get("/api/v1/denials").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        List<String> others = Api.as("FR", "licensing-officer").queryParam("notifyingState", "DE")
                .queryParam("limit", 500).get("/api/v1/denials").then().statusCode(200).extract().jsonPath()
                .getList("items.id");

        assertThat(listed).contains(id);
        assertThat(others).doesNotContain(id);
        Sealing.await();
        assertThat(readEvents(id)).isEmpty();
    }

    @Test
    void aReadAfterAnAmendmentShowsTheNewVersionNotTheParsedOneBeforeIt() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        var d = withScope(denial(), "ALL_PARTNERS", null, null);
        String id = Api.as("DE", "denial-officer").body(d.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("endUse", equalTo("Satellite ground station"));

        d.put("endUse", "Amended end use");
        Api.as("DE", "denial-officer").header("If-Match", "\"1\"").body(d.toString()).put("/api/v1/denials/" + id)
                .then().statusCode(200);

        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("endUse", equalTo("Amended end use"));
        Api.as("FR", "licensing-officer").queryParam("notifyingState", "DE").queryParam("updatedSince", since)
                .queryParam("limit", 500).get("/api/v1/denials").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.endUse", equalTo("Amended end use"));
    }
}
