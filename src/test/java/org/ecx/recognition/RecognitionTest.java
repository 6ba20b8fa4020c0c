package org.ecx.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ecx.support.Api;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.ecx.support.RecognitionFixtures.create;
import static org.ecx.support.RecognitionFixtures.recognition;
import static org.ecx.support.RecognitionFixtures.status;

/** Mutual recognition (SPEC §7): writes by the recognizing state, lifecycle, visibility and the dated check. */
@QuarkusTest
class RecognitionTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRecognizingStateIsTheCallersAndANewRecognitionIsProposedAndAudited() {
        ObjectNode body = recognition("FR", "ALL_PARTNERS", null, null);
        Response created = Api.as("DE", "recognition-officer").body(body.toString()).post("/api/v1/recognitions");
        created.then().statusCode(201).header("ETag", "\"1\"")
                .body("recognizingState", equalTo("DE")).body("recognizedState", equalTo("FR"))
                .body("status", equalTo("PROPOSED")).body("scope.controlEntries", hasItem("5A"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/recognitions/" + id);

        body.put("recognizingState", "US");
        Api.as("DE", "recognition-officer").body(body.toString()).post("/api/v1/recognitions").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("DE", "recognition-officer").body(recognition("DE", "ALL_PARTNERS", null, null).toString())
                .post("/api/v1/recognitions").then().statusCode(422).body("errors.field", hasItem("recognizedState"));
        ObjectNode reversed = recognition("FR", "REGIME", null, null);
        reversed.put("effectiveTo", "2025-01-01");
        Api.as("DE", "recognition-officer").body(reversed.toString()).post("/api/v1/recognitions").then()
                .statusCode(422).body("errors.field", hasItem("effectiveTo"))
                .body("errors.field", hasItem("distribution.regime"));
        ObjectNode badEntry = recognition("FR", "ALL_PARTNERS", null, null);
        badEntry.withArray("/scope/controlEntries").add("3A0");
        Api.as("DE", "recognition-officer").body(badEntry.toString()).post("/api/v1/recognitions").then()
                .statusCode(400);
        Api.as("DE", "licensing-officer").body(body.toString()).post("/api/v1/recognitions").then().statusCode(403);

        List<String> actions = Api.as("DE", "auditor").queryParam("recordId", id).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).containsExactly("RECOGNITION_CREATED");
    }

    @Test
    void theLifecycleAllowsItsTransitionsAndAnswersEveryOtherWith409() {
        String id = create("DE", recognition("FR", "ALL_PARTNERS", null, null));
        transition(id, "SUSPENDED", 409);
        transition(id, "PROPOSED", 409);
        transition(id, "ACTIVE", 200);
        transition(id, "ACTIVE", 409);
        transition(id, "PROPOSED", 409);
        transition(id, "SUSPENDED", 200);
        transition(id, "ACTIVE", 200);
        transition(id, "TERMINATED", 200);
        transition(id, "ACTIVE", 409);
        transition(id, "SUSPENDED", 409);
        Api.as("DE", "recognition-officer").get("/api/v1/recognitions/" + id).then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("version", equalTo(5));

        // withdrawing a proposal that never came into force
        String proposal = create("DE", recognition("FR", "ALL_PARTNERS", null, null));
        transition(proposal, "TERMINATED", 200);

        // the recognized state sees it but may not change it; a stale If-Match is refused
        String other = create("DE", recognition("FR", "ORIGINATOR", null, null));
        Api.as("FR", "recognition-officer").body("{\"status\":\"ACTIVE\"}")
                .post("/api/v1/recognitions/" + other + "/status").then().statusCode(403);
        Api.as("JP", "recognition-officer").body("{\"status\":\"ACTIVE\"}")
                .post("/api/v1/recognitions/" + other + "/status").then().statusCode(404);
        Api.as("DE", "recognition-officer").header("If-Match", "\"7\"").body("{\"status\":\"ACTIVE\"}")
                .post("/api/v1/recognitions/" + other + "/status").then().statusCode(412);

        List<String> actions = Api.as("DE", "auditor").queryParam("recordId", id).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).containsExactly("RECOGNITION_CREATED", "RECOGNITION_ACTIVATED", "RECOGNITION_SUSPENDED",
                "RECOGNITION_ACTIVATED", "RECOGNITION_TERMINATED");
    }

    @Test
    void thePartiesAlwaysSeeARecognitionAndOthersOnlyAsTheDistributionAdmits() {
        String originatorOnly = create("DE", recognition("FR", "ORIGINATOR", null, null));
        String toJapan = create("DE", recognition("FR", "STATES", null, List.of("JP")));
        String euOnly = create("DE", recognition("FR", "REGIME", "EU", null));

        Api.as("FR", "licensing-officer").get("/api/v1/recognitions/" + originatorOnly).then().statusCode(200)
                .body("distribution.scope", equalTo("ORIGINATOR"));
        String missing = Api.as("JP", "licensing-officer").get("/api/v1/recognitions/" + UUID.randomUUID()).then()
                .statusCode(404).extract().asString();
        String hidden = Api.as("JP", "licensing-officer").get("/api/v1/recognitions/" + originatorOnly).then()
                .statusCode(404).extract().asString();
        assertThat(hidden).isEqualTo(missing);

        Api.as("JP", "licensing-officer").get("/api/v1/recognitions/" + toJapan).then().statusCode(200)
                .body("distribution.scope", equalTo("STATES")).body("distribution.states", nullValue());
        Api.as("DE", "licensing-officer").get("/api/v1/recognitions/" + toJapan).then().statusCode(200)
                .body("distribution.states", equalTo(List.of("JP")));
        Api.as("US", "licensing-officer").get("/api/v1/recognitions/" + toJapan).then().statusCode(404);
        Api.as("JP", "licensing-officer").get("/api/v1/recognitions/" + euOnly).then().statusCode(404);

        List<String> seenByJapan = listAll("JP");
        assertThat(seenByJapan).contains(toJapan).doesNotContain(originatorOnly, euOnly);
        assertThat(listAll("FR")).contains(toJapan, originatorOnly, euOnly);
        assertThat(listAll("IN")).doesNotContain(toJapan, originatorOnly, euOnly);
    }

    @Test
    void theCheckAnswersForTheGivenDateFromTheStatusHistoryScopeAndExclusions() {
        clock.set(Instant.parse("2026-01-10T09:00:00Z"));
        String id = create("DE", recognition("FR", "ORIGINATOR", null, null));
        clock.set(Instant.parse("2026-02-01T09:00:00Z"));
        status("DE", id, "ACTIVE");
        clock.set(Instant.parse("2026-03-15T12:00:00Z"));
        status("DE", id, "SUSPENDED");
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));

        assertThat(basis("DE", "3A001.a.1", "INDIVIDUAL", "AE", "2026-02-10")).contains(id);
        assertThat(basis("FR", "3A001.a.1", "INDIVIDUAL", "AE", "2026-02-10")).contains(id);
        assertThat(basis("DE", "5A002.a", "INDIVIDUAL", "AE", "2026-03-14")).contains(id);
        assertThat(basis("DE", "3A001.a.1", "INDIVIDUAL", "AE", "2026-01-20")).doesNotContain(id); // still proposed
        assertThat(basis("DE", "3A001.a.1", "INDIVIDUAL", "AE", "2026-03-15")).doesNotContain(id); // suspended that day
        assertThat(basis("DE", "3A001.a.1", "INDIVIDUAL", "AE", null)).doesNotContain(id);         // today: suspended
        assertThat(basis("DE", "3A001.a.1", "INDIVIDUAL", "IR", "2026-02-10")).doesNotContain(id); // excluded
        assertThat(basis("DE", "3A001.a.1", "GLOBAL", "AE", "2026-02-10")).doesNotContain(id);
        assertThat(basis("DE", "3A002", "INDIVIDUAL", "AE", "2026-02-10")).doesNotContain(id);
        assertThat(basis("DE", "3A001.a.1", "INDIVIDUAL", "AE", "2027-02-10")).doesNotContain(id); // after effectiveTo
        assertThat(basis("JP", "3A001.a.1", "INDIVIDUAL", "AE", "2026-02-10")).doesNotContain(id); // not visible

        Api.as("DE", "licensing-officer").queryParam("recognizingState", "DE").queryParam("recognizedState", "FR")
                .queryParam("controlEntry", "3A001.a.1").queryParam("licenceType", "INDIVIDUAL")
                .queryParam("destination", "AE").queryParam("date", "2026-02-10").get("/api/v1/recognitions/check")
                .then().statusCode(200).body("recognized", equalTo(true));
        Api.as("DE", "licensing-officer").queryParam("recognizingState", "DE").queryParam("recognizedState", "FR")
                .queryParam("controlEntry", "not-a-code").queryParam("licenceType", "INDIVIDUAL")
                .queryParam("destination", "AE").get("/api/v1/recognitions/check").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("controlEntry"));
        Api.as("DE", "licensing-officer").queryParam("recognizingState", "DE").queryParam("recognizedState", "FR")
                .queryParam("controlEntry", "3A001").queryParam("licenceType", "INDIVIDUAL")
                .queryParam("destination", "AE").queryParam("date", "10.02.2026").get("/api/v1/recognitions/check")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
    }

    private static List<String> basis(String viewer, String entry, String licenceType, String destination,
            String date) {
        var spec = Api.as(viewer, "licensing-officer").queryParam("recognizingState", "DE")
                .queryParam("recognizedState", "FR").queryParam("controlEntry", entry)
                .queryParam("licenceType", licenceType).queryParam("destination", destination);
        if (date != null) {
            spec = spec.queryParam("date", date);
        }
        return spec.get("/api/v1/recognitions/check").then().statusCode(200).extract().jsonPath()
                .getList("basis");
    }

    private static void transition(String id, String target, int expected) {
        Api.as("DE", "recognition-officer").body("{\"status\":\"" + target + "\"}")
                .post("/api/v1/recognitions/" + id + "/status").then().statusCode(expected);
    }

    private static List<String> listAll(String viewer) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var spec = Api.as(viewer, "licensing-officer").queryParam("limit", 500);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/recognitions").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
