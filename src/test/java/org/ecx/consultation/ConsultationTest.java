package org.ecx.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No-undercut consultations (SPEC §5), with the clock under test control (no sleeps). */
@QuarkusTest
class ConsultationTest {

    /** Thursday; DE's test holidays (application.properties) are 24, 25, 31 December and 1 January. */
    static final Instant OPENED = Instant.parse("2026-12-17T10:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    ConsultationService service;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String denial(String state, ObjectNode body) {
        return Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    static String open(String state, String denialId) {
        return Api.as(state, "licensing-officer").body(openBody(denialId)).post("/api/v1/consultations").then()
                .statusCode(201).extract().path("id");
    }

    static String openBody(String denialId) {
        return "{\"denialId\":\"" + denialId + "\",\"question\":\"Do you object?\",\"proposedTransaction\":"
                + "{\"description\":\"500 units of 3A001.a.1 to the same end user\",\"destinationCountry\":\"AE\","
                + "\"controlEntries\":[\"3A001.a.1\"]}}";
    }

    static void post(String state, String role, String path, String body, int status) {
        Api.as(state, role).body(body).post("/api/v1/consultations/" + path).then().statusCode(status);
    }

    static List<String> auditActions(String state, String recordId) {
        return Api.as(state, "auditor").queryParam("recordId", recordId).queryParam("limit", 500).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.action");
    }

    @Test
    void theReplyIsDueTenWorkingDaysLaterSkippingWeekendsAndTheConsultedStatesHolidays() {
        String denialId = denial("DE", DenialFixtures.denial());
        clock.set(OPENED);
        String id = open("FR", denialId);
        // Fri 18, Mon 21-Wed 23, (24, 25 holidays), Mon 28-Wed 30, (31, 1 holidays), Mon 4-Wed 6 January
        Api.as("FR", "licensing-officer").get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("state", equalTo("AWAITING_REPLY")).body("consultedState", equalTo("DE"))
                .body("replyWorkingDays", equalTo(10)).body("replyDueAt", equalTo("2027-01-06T10:00:00Z"))
                .body("denial.id", equalTo(denialId));
        assertThat(WorkingDays.after(OPENED, 10, List.of())).isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
        assertThat(auditActions("FR", id)).contains("CONSULTATION_OPENED");
        assertThat(auditActions("DE", id)).contains("CONSULTATION_OPENED");
    }

    @Test
    void extensionsMayBringTheReplyPeriodToThirtyWorkingDaysButNoFurther() {
        String id = open("FR", denial("DE", DenialFixtures.denial()));
        post("DE", "denial-officer", id + "/extension", "{\"workingDays\":21}", 422);
        Api.as("DE", "denial-officer").body("{\"workingDays\":15}").post("/api/v1/consultations/" + id + "/extension")
                .then().statusCode(200).body("replyWorkingDays", equalTo(25));
        post("DE", "denial-officer", id + "/extension", "{\"workingDays\":6}", 422);
        post("DE", "denial-officer", id + "/extension", "{\"workingDays\":5}", 200);
        post("DE", "denial-officer", id + "/extension", "{\"workingDays\":1}", 422);
        post("DE", "denial-officer", id + "/extension", "{\"workingDays\":0}", 400);
        post("FR", "denial-officer", id + "/extension", "{\"workingDays\":1}", 403);
        assertThat(auditActions("DE", id)).containsOnlyOnce("CONSULTATION_OPENED").contains("CONSULTATION_EXTENDED");
    }

    @Test
    void silencePastTheDueDateIsDeemedNoObjectionExactlyOnceEvenWhenTheSchedulerRunsConcurrently() throws Exception {
        String denialId = denial("DE", DenialFixtures.denial());
        clock.set(OPENED);
        String id = open("FR", denialId);
        clock.set(Instant.parse("2027-01-06T09:59:59Z"));
        service.deemOverdue(100);
        Api.as("FR", "licensing-officer").get("/api/v1/consultations/" + id).then().body("state", equalTo("AWAITING_REPLY"));

        clock.set(Instant.parse("2027-01-06T10:00:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Integer>> runs = List.of(1, 2, 3).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return service.deemOverdue(100);
            }, pool)).toList();
            start.countDown();
            for (CompletableFuture<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        service.deemOverdue(100);

        Api.as("FR", "licensing-officer").get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("state", equalTo("DEEMED_NO_OBJECTION")).body("position", equalTo("DEEMED_NO_OBJECTION"));
        assertThat(auditActions("FR", id)).containsOnlyOnce("CONSULTATION_DEEMED_NO_OBJECTION");
        post("DE", "denial-officer", id + "/reply", "{\"position\":\"OBJECTS\"}", 409);
        post("DE", "denial-officer", id + "/extension", "{\"workingDays\":1}", 409);
    }

    @Test
    void aConsultationIsVisibleToItsTwoStatesOnly() {
        String id = open("FR", denial("DE", DenialFixtures.denial()));
        Api.as("DE", "denial-officer").get("/api/v1/consultations/" + id).then().statusCode(200);
        Api.as("FR", "denial-officer").get("/api/v1/consultations/" + id).then().statusCode(200);
        String missing = Api.as("JP", "licensing-officer").get("/api/v1/consultations/" + java.util.UUID.randomUUID())
                .then().statusCode(404).extract().asString();
        Api.as("JP", "licensing-officer").get("/api/v1/consultations/" + id).then().statusCode(404)
                .body(equalTo(missing));
        Api.as("JP", "licensing-officer").queryParam("limit", 500).get("/api/v1/consultations").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Api.as("DE", "denial-officer").queryParam("limit", 500).get("/api/v1/consultations").then().statusCode(200)
                .body("items.id", hasItem(id));
        post("JP", "denial-officer", id + "/reply", "{\"position\":\"OBJECTS\"}", 404);
        post("JP", "licensing-officer", id + "/outcome", "{\"decision\":\"WITHDRAWN\"}", 404);
    }

    @Test
    void onlyTheRightStateAndRoleActOnAConsultation() {
        String denialId = denial("DE", DenialFixtures.denial());
        String id = open("FR", denialId);
        post("FR", "denial-officer", id + "/reply", "{\"position\":\"OBJECTS\"}", 403);
        post("DE", "licensing-officer", id + "/reply", "{\"position\":\"OBJECTS\"}", 403);
        post("DE", "denial-officer", id + "/reply", "{\"position\":\"DEEMED_NO_OBJECTION\"}", 400);
        post("DE", "licensing-officer", id + "/outcome", "{\"decision\":\"WITHDRAWN\"}", 403);
        post("FR", "denial-officer", id + "/outcome", "{\"decision\":\"WITHDRAWN\"}", 403);
        Api.as("FR", "denial-officer").body(openBody(denialId)).post("/api/v1/consultations").then().statusCode(403);
        // the own denial, an invisible one, a missing one
        Api.as("DE", "licensing-officer").body(openBody(denialId)).post("/api/v1/consultations").then().statusCode(422);
        String nsgOnly = denial("DE", DenialFixtures.withScope(DenialFixtures.denial(), "REGIME", "NSG", null));
        String invisible = Api.as("IN", "licensing-officer").body(openBody(nsgOnly)).post("/api/v1/consultations")
                .then().statusCode(404).extract().asString();
        Api.as("IN", "licensing-officer").body(openBody(java.util.UUID.randomUUID().toString()))
                .post("/api/v1/consultations").then().statusCode(404).body(equalTo(invisible));
    }

    @Test
    void grantingOverAnObjectionLeavesAnUndercutNoticeThatEveryStateSeeingTheDenialSees() {
        String feedStart = org.ecx.support.Feeds.endCursor();
        String denialId = denial("DE", DenialFixtures.denial());
        String id = open("FR", denialId);
        post("FR", "licensing-officer", id + "/outcome", "{\"decision\":\"LICENCE_GRANTED\"}", 409);
        Api.as("DE", "denial-officer").body("{\"position\":\"NEEDS_INFORMATION\",\"comment\":\"Which end use?\"}")
                .post("/api/v1/consultations/" + id + "/reply").then().statusCode(200)
                .body("state", equalTo("INFORMATION_REQUESTED"));
        post("FR", "licensing-officer", id + "/outcome", "{\"decision\":\"LICENCE_GRANTED\"}", 409);
        Api.as("DE", "denial-officer").body("{\"position\":\"OBJECTS\",\"comment\":\"Same end user\"}")
                .post("/api/v1/consultations/" + id + "/reply").then().statusCode(200).body("state", equalTo("ANSWERED"));
        post("DE", "denial-officer", id + "/reply", "{\"position\":\"NO_OBJECTION\"}", 409);
        Api.as("FR", "licensing-officer").body("{\"decision\":\"LICENCE_GRANTED\"}")
                .post("/api/v1/consultations/" + id + "/outcome").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("outcome", equalTo("LICENCE_GRANTED"))
                .body("denial.undercutNotices[0].grantingState", equalTo("FR"));
        post("FR", "licensing-officer", id + "/outcome", "{\"decision\":\"WITHDRAWN\"}", 409);

        for (String state : DenialFixtures.STATES) {
            Api.as(state, "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(200)
                    .body("undercutNotices.size()", equalTo(1))
                    .body("undercutNotices[0].grantingState", equalTo("FR"))
                    .body("undercutNotices[0].consultationId", equalTo(id));
        }
        assertThat(auditActions("DE", denialId)).contains("DENIAL_UNDERCUT_NOTICE");

        // the feed: the consultation's changes reach its two states only; the notice reaches every state
        for (String state : DenialFixtures.STATES) {
            var drained = org.ecx.support.Feeds.drain(state, feedStart);
            var consultation = org.ecx.support.Feeds.about(drained, id);
            if (state.equals("FR") || state.equals("DE")) {
                assertThat(consultation).as(state).extracting(i -> i.path("changeType").asText())
                        .containsExactly("OPENED", "REPLIED", "REPLIED", "OUTCOME_RECORDED");
                assertThat(consultation.get(0).path("record").has("denial")).isFalse();
            } else {
                assertThat(consultation).as(state).isEmpty();
            }
            var notice = org.ecx.support.Feeds.about(drained, denialId).stream()
                    .filter(i -> i.path("changeType").asText().equals("UNDERCUT_NOTICE")).toList();
            assertThat(notice).as(state).hasSize(1);
            assertThat(notice.get(0).path("record").path("undercutNotices").get(0).path("grantingState").asText())
                    .isEqualTo("FR");
        }
    }

    @Test
    void aDeniedLicenceOrAWithdrawalLeavesNoNotice() {
        String denialId = denial("DE", DenialFixtures.denial());
        String denied = open("FR", denialId);
        post("FR", "licensing-officer", denied + "/outcome", "{\"decision\":\"LICENCE_DENIED\"}", 200);
        String withdrawn = open("JP", denialId);
        post("JP", "licensing-officer", withdrawn + "/outcome", "{\"decision\":\"WITHDRAWN\"}", 200);
        Api.as("US", "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(200)
                .body("undercutNotices.size()", equalTo(0));
    }

    @Test
    void grantingAfterNoObjectionOnAnActiveDenialStillLeavesANotice() {
        String denialId = denial("DE", DenialFixtures.withScope(DenialFixtures.denial(), "REGIME", "NSG", null));
        String id = open("JP", denialId);
        post("DE", "denial-officer", id + "/reply", "{\"position\":\"NO_OBJECTION\"}", 200);
        post("JP", "licensing-officer", id + "/outcome", "{\"decision\":\"LICENCE_GRANTED\"}", 200);
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(200)
                .body("undercutNotices[0].grantingState", equalTo("JP"));
        Api.as("IN", "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(404);
    }

    @Test
    void onAStatesDenialOnlyTheNotifyingAndTheGrantingStateSeeWhoGrantedOtherRecipientsSeeOnlyThatAndWhen() {
        String feedStart = org.ecx.support.Feeds.endCursor();
        String denialId = denial("DE", DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null,
                List.of("FR", "JP")));
        String id = open("FR", denialId);
        post("DE", "denial-officer", id + "/reply", "{\"position\":\"NO_OBJECTION\"}", 200);
        post("FR", "licensing-officer", id + "/outcome", "{\"decision\":\"LICENCE_GRANTED\"}", 200);

        for (String state : List.of("DE", "FR")) {
            Api.as(state, "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(200)
                    .body("undercutNotices[0].grantingState", equalTo("FR"))
                    .body("undercutNotices[0].consultationId", equalTo(id));
        }
        // JP, a co-recipient, learns that an undercut happened and when, not that FR was a recipient too
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(200)
                .body("undercutNotices.size()", equalTo(1))
                .body("undercutNotices[0].grantedAt", org.hamcrest.Matchers.notNullValue())
                .body("undercutNotices[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("grantingState")))
                .body("undercutNotices[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("consultationId")))
                .body("redactions", org.hamcrest.Matchers.hasItem("undercutNotices[0].grantingState"));
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + denialId + "/history").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\"FR\"")));
        Api.as("US", "licensing-officer").get("/api/v1/denials/" + denialId).then().statusCode(404);
        // the feed renders the notice through the same redactor
        var jpNotice = org.ecx.support.Feeds.about(org.ecx.support.Feeds.drain("JP", feedStart), denialId).stream()
                .filter(i -> i.path("changeType").asText().equals("UNDERCUT_NOTICE")).toList();
        assertThat(jpNotice).hasSize(1);
        assertThat(jpNotice.get(0).path("record").path("undercutNotices").get(0).has("grantingState")).isFalse();
        assertThat(jpNotice.get(0).toString()).doesNotContain("\"FR\"");
    }
}
