package org.ecx.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.ecx.support.Api;
import org.ecx.support.Sealing;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditChainTest {

    @Inject
    DataSource dataSource;

    private long makeRegistryChanges() {
        Api.as("DE", "admin").body("{\"name\":\"Sweden\",\"active\":true,\"regimes\":[\"EU\"]}")
                .put("/api/v1/states/SE").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Api.as("DE", "admin").body("{\"name\":\"Sweden\",\"active\":true,\"regimes\":[\"EU\",\"WA\",\"NSG\"]}")
                .put("/api/v1/states/SE").then().statusCode(200);
        Api.as("DE", "admin").body("{\"name\":\"Sweden\",\"active\":true,\"regimes\":[\"EU\"]}")
                .put("/api/v1/states/SE").then().statusCode(200);
        return Api.as("SE", "auditor").queryParam("recordId", "SE").queryParam("limit", 500).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getLong("items[-1].seq");
    }

    @Test
    void theChainIsValidAfterRegistryChanges() {
        makeRegistryChanges();
        Api.as("FR", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenSeq", equalTo(null));
    }

    @Test
    void verifyTellsAStatesAuditorNothingAboutOtherStatesActivity() {
        Sealing.await();
        long japanBefore = Api.as("JP", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).extract().jsonPath().getLong("checked");
        long germanyBefore = Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .extract().jsonPath().getLong("checked");

        makeRegistryChanges(); // audited writes by Germany on Sweden's record: nothing of Japan's
        Sealing.await();

        long japanAfter = Api.as("JP", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).extract().jsonPath().getLong("checked");
        assertThat(japanAfter).as("Japan's answer does not move with others' activity").isEqualTo(japanBefore)
                .as("it counts exactly the events Japan's auditor can list").isEqualTo(listedEvents("JP"));
        assertThat(Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath()
                .getLong("checked")).as("Germany's own events are counted").isGreaterThanOrEqualTo(germanyBefore + 2);
    }

    private static long listedEvents(String state) {
        long n = 0;
        String cursor = null;
        do {
            var page = Api.as(state, "auditor").queryParam("limit", 500)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath();
            n += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return n;
    }

    @Test
    void eventsAreLinkedByTheirHashes() {
        makeRegistryChanges();
        var items = Api.as("SE", "auditor").queryParam("recordId", "SE").get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items", java.util.Map.class);
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        for (var item : items) {
            assertThat((String) item.get("hash")).hasSize(64).isNotEqualTo(item.get("previousHash"));
        }
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorDeleteNorUnprotectTheAuditLog() throws Exception {
        long seq = makeRegistryChanges();
        try (Connection c = dataSource.getConnection()) {
            assertRefused(c, "UPDATE audit_event SET actor = 'fr-admin' WHERE seq = " + seq);
            assertRefused(c, "UPDATE audit_event SET hash = repeat('0', 64) WHERE seq = " + seq);
            assertRefused(c, "DELETE FROM audit_event WHERE seq = " + seq);
            assertRefused(c, "TRUNCATE audit_event");
            assertRefused(c, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            assertRefused(c, "DELETE FROM audit_checkpoint");
        }
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aRowAlteredByTheTableOwnerBreaksTheChainAtItsSequenceNumber() throws Exception {
        long seq = makeRegistryChanges();
        String original;
        try (Connection c = ownerConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT actor FROM audit_event WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    original = rs.getString(1);
                }
            }
            // the triggers refuse updates even to the owner; a tamperer with DDL rights disables them first
            assertRefused(c, "UPDATE audit_event SET actor = 'fr-admin' WHERE seq = " + seq);
            setActor(c, seq, "fr-admin");
        }
        try {
            Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo((int) seq));
        } finally {
            try (Connection c = ownerConnection()) {
                setActor(c, seq, original);
            }
        }
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aCheckpointTheAuditorKeptMustStillBeInTheChain() {
        long seq = makeRegistryChanges();
        String hash = Api.as("SE", "auditor").queryParam("recordId", "SE").queryParam("limit", 500)
                .get("/api/v1/audit").then().extract().jsonPath().getString("items[-1].hash");
        Api.as("DE", "auditor").queryParam("checkpointSeq", seq).queryParam("checkpointHash", hash)
                .get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        // a kept checkpoint the chain does not contain any more (its tail deleted, or that event changed)
        Api.as("DE", "auditor").queryParam("checkpointSeq", seq).queryParam("checkpointHash", "a".repeat(64))
                .get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo((int) seq));
        Api.as("DE", "auditor").queryParam("checkpointSeq", seq + 1_000_000).queryParam("checkpointHash", hash)
                .get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false));
        Api.as("DE", "auditor").queryParam("checkpointSeq", "x").queryParam("checkpointHash", hash)
                .get("/api/v1/audit/verify").then().statusCode(400);
        Api.as("DE", "auditor").queryParam("checkpointSeq", seq).get("/api/v1/audit/verify").then().statusCode(400);
    }

    private static void assertRefused(Connection c, String sql) {
        assertThatThrownBy(() -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class);
    }

    private static Connection ownerConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        Sealing.await();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    private static void setActor(Connection c, long seq, String actor) throws Exception {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement();
                PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET actor = ? WHERE seq = ?")) {
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            ps.setString(1, actor);
            ps.setLong(2, seq);
            ps.executeUpdate();
            st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
