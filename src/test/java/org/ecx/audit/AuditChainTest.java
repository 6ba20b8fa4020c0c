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

    /** Three audited changes by Germany of Sweden's record; the hash of the last one. */
    private String makeRegistryChanges() {
        Api.as("DE", "admin").body("{\"name\":\"Sweden\",\"active\":true,\"regimes\":[\"EU\"]}")
                .put("/api/v1/states/SE").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Api.as("DE", "admin").body("{\"name\":\"Sweden\",\"active\":true,\"regimes\":[\"EU\",\"WA\",\"NSG\"]}")
                .put("/api/v1/states/SE").then().statusCode(200);
        Api.as("DE", "admin").body("{\"name\":\"Sweden\",\"active\":true,\"regimes\":[\"EU\"]}")
                .put("/api/v1/states/SE").then().statusCode(200);
        return Api.as("SE", "auditor").queryParam("recordId", "SE").queryParam("limit", 500).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getString("items[-1].hash");
    }

    /** The global sequence number of the event with {@code hash} (only the database knows it). */
    private long seqOf(String hash) throws SQLException {
        Sealing.await();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_event WHERE hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
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
        return listed(state).size();
    }

    /** Every event the state's auditor can list, without filters, page by page. */
    private static java.util.List<java.util.Map<String, Object>> listed(String state) {
        java.util.List<java.util.Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = Api.as(state, "auditor").queryParam("limit", 500)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    /** The position the state's listing gives the event with {@code hash}. */
    private static int positionIn(String state, String hash) {
        return listed(state).stream().filter(e -> hash.equals(e.get("hash"))).map(e -> ((Number) e.get("seq")).intValue())
                .findFirst().orElseThrow();
    }

    @Test
    void aStatesAuditorCannotTellHowManyOtherEventsHappenedBetweenTwoOfItsOwn() {
        for (int othersBetween : new int[] {0, 6}) {
            readOthersDenial("JP");
            for (int i = 0; i < othersBetween / 3; i++) {
                makeRegistryChanges(); // Germany on Sweden's record: nothing of Japan's
            }
            readOthersDenial("JP");
            Sealing.await();
            var events = listed("JP");
            var last = events.get(events.size() - 1);
            var before = events.get(events.size() - 2);
            assertThat(((Number) last.get("seq")).longValue() - ((Number) before.get("seq")).longValue())
                    .as("positions count Japan's events only (%d others between)", othersBetween).isEqualTo(1);
            assertThat(last).as("no link to the event before, which may be another state's")
                    .doesNotContainKey("previousHash");
        }
        var positions = listed("JP").stream().map(e -> ((Number) e.get("seq")).longValue()).toList();
        assertThat(positions).as("1, 2, 3, ... without gaps").isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, positions.size()).boxed().toList());
        assertThat(checkpoint("JP").getMap("$")).as("no global sequence number in the checkpoint")
                .doesNotContainKey("seq").containsKeys("hash", "at", "signature", "publicKey");
    }

    @Test
    void theCheckpointIsSignedOverTheHeadsHashAndTimeOnly() throws Exception {
        var cp = checkpoint("DE");
        var key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(
                java.util.Base64.getDecoder().decode(cp.getString("publicKey"))));
        var signature = java.security.Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(AuditKeys.headText(cp.getString("hash"), java.time.Instant.parse(cp.getString("at")))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(signature.verify(java.util.Base64.getDecoder().decode(cp.getString("signature")))).isTrue();
        Api.as("DE", "auditor").queryParam("checkpointHash", cp.getString("hash")).get("/api/v1/audit/verify").then()
                .statusCode(200).body("valid", equalTo(true));
    }

    /** The latest signed checkpoint; the sequencer writes one at a seal once its interval (tests: 1 s) has passed. */
    private io.restassured.path.json.JsonPath checkpoint(String state) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            makeRegistryChanges();
            Sealing.await();
            var response = Api.as(state, "auditor").get("/api/v1/audit/checkpoint");
            if (response.statusCode() == 200 || System.currentTimeMillis() > deadline) {
                return response.then().statusCode(200).extract().jsonPath();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void readOthersDenial(String reader) {
        String id = Api.as("FR", "denial-officer").body(org.ecx.support.DenialFixtures.denial().toString())
                .post("/api/v1/denials").then().statusCode(201).extract().path("id");
        Api.as(reader, "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
    }

    @Test
    void eachEventCarriesItsOwnChainHash() {
        makeRegistryChanges();
        var hashes = Api.as("SE", "auditor").queryParam("recordId", "SE").get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.hash", String.class);
        assertThat(hashes).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorDeleteNorUnprotectTheAuditLog() throws Exception {
        long seq = seqOf(makeRegistryChanges());
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
    void aRowAlteredByTheTableOwnerBreaksTheChainAtItsPositionInTheAuditorsView() throws Exception {
        String hash = makeRegistryChanges();
        long seq = seqOf(hash);
        int position = positionIn("DE", hash);
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
                    .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(position));
        } finally {
            try (Connection c = ownerConnection()) {
                setActor(c, seq, original);
            }
        }
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aCheckpointTheAuditorKeptMustStillBeInTheChain() {
        String hash = makeRegistryChanges();
        Api.as("DE", "auditor").queryParam("checkpointHash", hash)
                .get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        // a kept checkpoint the chain does not contain any more (its tail deleted, or that event changed)
        Api.as("DE", "auditor").queryParam("checkpointHash", "a".repeat(64))
                .get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false));
        Api.as("DE", "auditor").queryParam("checkpointHash", "x")
                .get("/api/v1/audit/verify").then().statusCode(400);
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
