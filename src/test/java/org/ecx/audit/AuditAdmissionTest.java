package org.ecx.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ecx.sequencer.Sequencer;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Sealing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unsealed audit window is bounded (issue 10, ADR 0019): with the sequencer stopped, so that the audit events
 * already appended stay unsealed past a tiny bound, reads of other states' records are answered 503
 * problem+json with Retry-After and append nothing, while own-state reads and writes go on; once the backlog is
 * sealed, audited reads are admitted again.
 */
@QuarkusTest
@TestProfile(AuditAdmissionTest.TinyBound.class)
class AuditAdmissionTest {

    /** A bound of 200 ms from one waiting event on; read only when the test asks ({@link AuditAdmission#refresh}). */
    public static class TinyBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecx.sequencer.max-unsealed-age", "PT0.2S", "ecx.sequencer.min-unsealed-rows", "1",
                    "ecx.sequencer.unsealed-check-every", "PT1H");
        }
    }

    @Inject
    Sequencer sequencer;

    @Inject
    AuditAdmission admission;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private String deDenial;
    private String frDenial;
    private String partyName;

    @BeforeEach
    void denialsOfTwoStatesAndAnEmptyWindow() {
        partyName = "Admission " + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x") + " Works";
        ObjectNode de = DenialFixtures.denial();
        ((ObjectNode) de.get("parties").get(0)).put("name", partyName).remove("aliases");
        deDenial = post("DE", de);
        frDenial = post("FR", DenialFixtures.denial());
        Sealing.await();
        admission.refresh();
        assertThat(admission.admits()).as("nothing waits to be sealed").isTrue();
    }

    @AfterEach
    void sequencerRunsAgain() {
        sequencer.node().start();
        Sealing.await();
    }

    @Test
    void anAuditedReadBeyondTheBoundIsRefusedWith503AndAppendsNothingWhileOwnReadsAndWritesGoOn() throws Exception {
        unsealedBacklogOlderThanTheBound();
        long events = count("audit_event");
        double refusedBefore = refused();

        Response single = Api.as("FR", "licensing-officer").get("/api/v1/denials/" + deDenial);
        assertRefused(single);
        assertRefused(Api.as("FR", "licensing-officer").get("/api/v1/denials?limit=50"));
        assertThat(count("audit_event")).as("a refused read appends no audit event").isEqualTo(events);
        assertThat(refused() - refusedBefore).as("refusals are counted").isEqualTo(2.0);

        // unaudited: the caller's own denial, a page of its own denials only, and a write
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + frDenial).then().statusCode(200);
        Api.as("FR", "licensing-officer").queryParam("notifyingState", "FR").queryParam("limit", "5")
                .get("/api/v1/denials").then().statusCode(200);
        post("FR", DenialFixtures.denial());
        assertThat(refused() - refusedBefore).as("no unaudited request was refused").isEqualTo(2.0);
    }

    @Test
    void aBatchScreeningThatMatchesAnotherStatesDenialIsRefusedAndStoresNothing() throws Exception {
        unsealedBacklogOlderThanTheBound();
        long events = count("audit_event");
        ObjectNode body = DenialFixtures.JSON.createObjectNode();
        body.putArray("parties").addObject().put("name", partyName);

        assertRefused(Api.as("FR", "licensing-officer").body(body.toString()).post("/api/v1/screenings"));
        assertThat(count("audit_event")).as("neither the reads nor the screening are recorded").isEqualTo(events);
    }

    @Test
    void onceTheBacklogIsSealedAuditedReadsAreAdmittedAgain() throws Exception {
        unsealedBacklogOlderThanTheBound();
        assertRefused(Api.as("FR", "licensing-officer").get("/api/v1/denials/" + deDenial));

        sequencer.node().start();
        Sealing.await();
        admission.refresh();

        long events = count("audit_event");
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + deDenial).then().statusCode(200)
                .body("id", equalTo(deDenial));
        assertThat(count("audit_event")).as("the admitted read is recorded").isEqualTo(events + 1);
        Api.as("FR", "licensing-officer").queryParam("limit", "2").get("/api/v1/denials").then().statusCode(200)
                .body("items", hasSize(2));
    }

    /** Stops the sequencer, appends one audited read and lets it wait past the bound. */
    private void unsealedBacklogOlderThanTheBound() throws InterruptedException {
        sequencer.node().stop();
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + deDenial).then().statusCode(200);
        Thread.sleep(300);
        admission.refresh();
        assertThat(admission.admits()).as("an audit event has waited 300 ms, over the 200 ms bound").isFalse();
    }

    private static void assertRefused(Response r) {
        r.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                .body("status", equalTo(503)).body("type", equalTo("https://ecx.example/problems/unavailable"));
    }

    private static String post(String state, ObjectNode denial) {
        return Api.as(state, "denial-officer").body(denial.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    private double refused() {
        return registry.counter("ecx.audit.admission.refused").count();
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
