package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status, review dates, renewal and revocation, with a controlled clock (no sleeps). */
@QuarkusTest
class DenialLifecycleTest {

    @Inject
    TestClock clock;

    @Inject
    DenialReviewScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String notifyAt(Instant when) {
        clock.set(when);
        try {
            ObjectNode d = DenialFixtures.denial();
            d.put("decisionDate", LocalDate.ofInstant(when, ZoneOffset.UTC).minusDays(2).toString());
            return Api.as("FR", "denial-officer").body(d.toString()).post("/api/v1/denials").then().statusCode(201)
                    .extract().path("id");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aNewDenialIsActiveAndDueForReviewThreeYearsAfterNotification() {
        Instant notified = Instant.parse("2025-06-15T10:00:00Z");
        String id = notifyAt(notified);
        clock.set(notified.plus(Duration.ofDays(30)));
        Api.as("FR", "denial-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("notifiedAt", equalTo("2025-06-15T10:00:00Z"))
                .body("reviewDueAt", equalTo("2028-06-15T10:00:00Z"));
    }

    @Test
    void aDenialWhoseReviewPassedReadsAsOverdueAndTheSchedulerRecordsItOnce() {
        String id = notifyAt(Instant.now().minus(Duration.ofDays(3 * 366 + 2)));
        Api.as("DE", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("status", equalTo("REVIEW_OVERDUE"));
        List<String> overdue = Api.as("DE", "licensing-officer").queryParam("status", "REVIEW_OVERDUE")
                .queryParam("notifyingState", "FR").queryParam("limit", 500).get("/api/v1/denials").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(overdue).contains(id);

        scheduler.markOverdue();
        scheduler.markOverdue();
        List<String> actions = Api.as("FR", "auditor").queryParam("recordId", id).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).containsOnlyOnce("DENIAL_REVIEW_OVERDUE");
    }

    @Test
    void renewalMovesTheReviewThreeYearsOnAndRevocationKeepsTheRecordReadable() {
        String id = notifyAt(Instant.now().minus(Duration.ofDays(3 * 366 + 2)));
        Instant renewedAt = Instant.parse("2030-01-10T08:00:00Z");
        clock.set(renewedAt);
        Api.as("FR", "denial-officer").post("/api/v1/denials/" + id + "/renewal").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("RENEWED")).body("reviewDueAt", equalTo("2033-01-10T08:00:00Z"));

        Api.as("FR", "denial-officer").header("If-Match", "\"1\"")
                .body("{\"reason\":\"Superseded by court ruling\"}").post("/api/v1/denials/" + id + "/revocation")
                .then().statusCode(412);
        Api.as("FR", "denial-officer").header("If-Match", "\"2\"")
                .body("{\"reason\":\"Superseded by court ruling\"}").post("/api/v1/denials/" + id + "/revocation")
                .then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revocation.reason", equalTo("Superseded by court ruling"));

        // still readable by partners, reason withheld (rationale group is ORIGINATOR by default)
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revocation.at", org.hamcrest.Matchers.notNullValue())
                .body("revocation.reason", equalTo(null))
                .body("redactions", org.hamcrest.Matchers.hasItem("revocation.reason"));
        // a revoked denial is final
        Api.as("FR", "denial-officer").post("/api/v1/denials/" + id + "/renewal").then().statusCode(409)
                .contentType("application/problem+json");
        Api.as("FR", "denial-officer").body("{\"reason\":\"again\"}").post("/api/v1/denials/" + id + "/revocation")
                .then().statusCode(409);
        String etag = Api.as("FR", "denial-officer").get("/api/v1/denials/" + id).header("ETag");
        Api.as("FR", "denial-officer").header("If-Match", etag).body(DenialFixtures.denial().toString())
                .put("/api/v1/denials/" + id).then().statusCode(409);

        List<String> changes = Api.as("FR", "denial-officer").get("/api/v1/denials/" + id + "/history").then()
                .statusCode(200).extract().jsonPath().getList("changeType");
        assertThat(changes).containsExactly("CREATED", "RENEWED", "REVOKED");
        List<String> revoked = Api.as("FR", "licensing-officer").queryParam("status", "REVOKED")
                .queryParam("notifyingState", "FR").queryParam("limit", 500).get("/api/v1/denials").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(revoked).contains(id);
    }

    @Test
    void onlyTheNotifyingStateChangesADenial() {
        String id = notifyAt(Instant.now().minus(Duration.ofDays(1)));
        Api.as("DE", "denial-officer").post("/api/v1/denials/" + id + "/renewal").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("DE", "denial-officer").body("{\"reason\":\"not mine\"}").post("/api/v1/denials/" + id + "/revocation")
                .then().statusCode(403);
        Api.as("FR", "licensing-officer").post("/api/v1/denials/" + id + "/renewal").then().statusCode(403);
        Api.as("FR", "denial-officer").get("/api/v1/denials/" + id).then().body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));
    }
}
