package org.ecx.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.ecx.support.Api;
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
        return Api.as("SE", "auditor").queryParam("recordId", "SE").get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getLong("items[-1].seq");
    }

    @Test
    void theChainIsValidAfterRegistryChanges() {
        makeRegistryChanges();
        Api.as("FR", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenSeq", equalTo(null));
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
    void anAlteredRowBreaksTheChainAtItsSequenceNumber() throws Exception {
        long seq = makeRegistryChanges();
        String original;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT actor FROM audit_event WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    original = rs.getString(1);
                }
            }
            // the application's triggers refuse updates; a tamperer with DDL rights disables them first
            assertThat(tryUpdate(c, seq, "fr-admin")).isFalse();
            setActor(c, seq, "fr-admin");
        }
        try {
            Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo((int) seq));
        } finally {
            try (Connection c = dataSource.getConnection()) {
                setActor(c, seq, original);
            }
        }
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static boolean tryUpdate(Connection c, long seq, String actor) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET actor = ? WHERE seq = ?")) {
            ps.setString(1, actor);
            ps.setLong(2, seq);
            ps.executeUpdate();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void setActor(Connection c, long seq, String actor) throws Exception {
        boolean auto = c.getAutoCommit();
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
            c.setAutoCommit(auto);
        }
    }
}
