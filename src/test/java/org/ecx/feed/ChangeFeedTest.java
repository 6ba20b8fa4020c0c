package org.ecx.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.denial.DenialReviewScheduler;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.ecx.support.RecognitionFixtures;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change feed (SPEC §8): what each state sees, redacted for it, and the publish calls of other packages. */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    ChangeFeed changeFeed;

    @Inject
    DenialReviewScheduler scheduler;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String create(String state, ObjectNode body) {
        return Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    private static void amend(String state, String id, int version, ObjectNode body) {
        Api.as(state, "denial-officer").header("If-Match", "\"" + version + "\"").body(body.toString())
                .put("/api/v1/denials/" + id).then().statusCode(200);
    }

    @Test
    void aFollowerSeesCreationAmendmentAndRevocationInOrderRedactedLikeAnyRead() {
        String start = Feeds.endCursor();
        ObjectNode body = DenialFixtures.denial();
        String id = create("FR", body);
        body.put("endUse", "Amended end use");
        amend("FR", id, 1, body);
        Api.as("FR", "denial-officer").body("{\"reason\":\"Court ruling 2026-17\"}")
                .post("/api/v1/denials/" + id + "/revocation").then().statusCode(200);

        List<JsonNode> items = Feeds.about(Feeds.drain("JP", start), id);
        assertThat(items).extracting(i -> i.path("changeType").asText())
                .containsExactly("CREATED", "AMENDED", "REVOKED");
        assertThat(items).extracting(i -> i.path("version").asInt()).containsExactly(1, 2, 3);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.path("recordType").asText()).isEqualTo("DENIAL");
            JsonNode record = i.path("record");
            assertThat(record.has("rationale")).isFalse();
            assertThat(record.path("redactions").toString()).contains("rationale", "parties[0].address");
            assertThat(record.path("distribution").has("states")).isFalse();
            assertThat(record.has("releasability")).isFalse();
        });
        JsonNode revoked = items.get(2).path("record");
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("revocation").has("reason")).isFalse();
        assertThat(items.get(1).path("record").path("endUse").asText()).isEqualTo("Amended end use");

        // the item is exactly what the same state reads through the API
        JsonNode viaApi = Feeds.read(Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then()
                .statusCode(200).extract().asString());
        assertThat(revoked).isEqualTo(viaApi);
        // the originator gets its own full record
        JsonNode own = Feeds.about(Feeds.drain("FR", start), id).get(0).path("record");
        assertThat(own.path("rationale").asText()).isNotEmpty();
        assertThat(own.path("redactions").size()).isZero();
    }

    @Test
    void pagesOfSeveralDenialsShowEachChangeAtItsOwnVersion() {
        String start = Feeds.endCursor();
        ObjectNode first = DenialFixtures.denial();
        String amended = create("FR", first);
        String other = create("DE", DenialFixtures.denial().put("endUse", "Other end use"));
        amend("FR", amended, 1, first.put("endUse", "Amended end use"));

        // pages of two: the page boundary falls between the versions of the amended denial
        List<JsonNode> items = Feeds.drain("JP", start, 2).items();
        assertThat(items).extracting(i -> i.path("recordId").asText() + "/" + i.path("version").asInt() + "/"
                + i.path("record").path("endUse").asText()).containsSubsequence(
                        amended + "/1/Satellite ground station", other + "/1/Other end use",
                        amended + "/2/Amended end use");
    }

    @Test
    void aPollAtTheEndOfTheFeedReturnsNothingAndAuditsNothing() {
        create("FR", DenialFixtures.denial());
        String end = Feeds.endCursor("JP");
        long auditedBefore = QuarkusTransaction.requiringNew()
                .call(() -> org.ecx.audit.AuditEvent.count("actorState", "JP"));
        for (int i = 0; i < 3; i++) {
            Api.as("JP", "federation-peer").queryParam("cursor", end).get("/api/v1/feed").then().statusCode(200)
                    .body("items.size()", equalTo(0)).body("caughtUp", equalTo(true))
                    .body("nextCursor", equalTo(end));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> org.ecx.audit.AuditEvent.count("actorState", "JP")))
                .isEqualTo(auditedBefore);
    }

    @Test
    void aDenialTheCallerCannotSeeNowNeverAppearsInItsFeed() {
        String start = Feeds.endCursor();
        String toGermany = create("FR", DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null, List.of("DE")));
        ObjectNode narrowed = DenialFixtures.denial();
        String laterNarrowed = create("FR", narrowed);
        amend("FR", laterNarrowed, 1, DenialFixtures.withScope(narrowed, "STATES", null, List.of("DE")));
        String nsg = create("FR", DenialFixtures.withScope(DenialFixtures.denial(), "REGIME", "NSG", null));

        Feeds.Drained india = Feeds.drain("IN", start);
        assertThat(Feeds.about(india, toGermany)).isEmpty();
        // India saw it before the amendment: it gets only the id, to delete its copy (issue 11, finding 7)
        assertThat(Feeds.about(india, laterNarrowed)).extracting(i -> i.path("changeType").asText())
                .containsExactly("WITHDRAWN");
        assertThat(Feeds.about(india, laterNarrowed).get(0).has("record")).isFalse();
        assertThat(Feeds.about(india, nsg)).isEmpty();
        Feeds.Drained germany = Feeds.drain("DE", start);
        assertThat(Feeds.about(germany, toGermany)).hasSize(1);
        assertThat(Feeds.about(germany, laterNarrowed)).hasSize(2);
        assertThat(Feeds.about(germany, nsg)).hasSize(1);
        assertThat(Feeds.about(Feeds.drain("JP", start), nsg)).hasSize(1);
    }

    @Test
    void narrowingAReleaseHidesTheFieldInEarlierChangesToo() {
        String start = Feeds.endCursor();
        ObjectNode body = DenialFixtures.release(DenialFixtures.denial(), "rationale", "DISTRIBUTION");
        String id = create("FR", body);
        assertThat(Feeds.about(Feeds.drain("US", start), id).get(0).path("record").path("rationale").asText())
                .isNotEmpty();
        amend("FR", id, 1, DenialFixtures.release(body, "rationale", "ORIGINATOR"));
        assertThat(Feeds.about(Feeds.drain("US", start), id))
                .allSatisfy(i -> assertThat(i.path("record").has("rationale")).isFalse());
    }

    @Test
    void theOverdueTransitionOfTheSchedulerIsAChange() {
        Instant notified = Instant.now().minus(Duration.ofDays(3 * 366 + 2));
        clock.set(notified);
        ObjectNode body = DenialFixtures.denial();
        body.put("decisionDate", LocalDate.ofInstant(notified, ZoneOffset.UTC).minusDays(1).toString());
        String id = create("JP", body);
        clock.reset();
        String start = Feeds.endCursor();
        scheduler.markOverdue();
        List<JsonNode> items = Feeds.about(Feeds.drain("US", start), id);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("changeType").asText()).isEqualTo("REVIEW_OVERDUE");
        assertThat(items.get(0).path("record").path("status").asText()).isEqualTo("REVIEW_OVERDUE");
    }

    @Test
    void recognitionChangesReachThePartiesAndTheDistribution() {
        String start = Feeds.endCursor();
        String id = RecognitionFixtures.create("DE", RecognitionFixtures.recognition("FR", "STATES", null, List.of("JP")));
        RecognitionFixtures.status("DE", id, "ACTIVE");
        List<JsonNode> forJapan = Feeds.about(Feeds.drain("JP", start), id);
        assertThat(forJapan).extracting(i -> i.path("changeType").asText()).containsExactly("CREATED", "ACTIVATED");
        assertThat(forJapan.get(1).path("record").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(forJapan.get(1).path("record").path("distribution").has("states")).isFalse();
        assertThat(Feeds.about(Feeds.drain("FR", start), id)).hasSize(2);
        assertThat(Feeds.about(Feeds.drain("DE", start), id).get(0).path("record").path("distribution")
                .path("states").get(0).asText()).isEqualTo("JP");
        assertThat(Feeds.about(Feeds.drain("US", start), id)).isEmpty();
    }

    @Test
    void aConsultationChangeIsPublishedToTheConsultingAndConsultedStateOnly() {
        String start = Feeds.endCursor();
        UUID consultation = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> changeFeed.publishConsultation(consultation, "OPENED", "JP", "FR",
                Map.of("id", consultation.toString(), "status", "OPEN")));
        String id = consultation.toString();
        for (String party : List.of("JP", "FR")) {
            List<JsonNode> items = Feeds.about(Feeds.drain(party, start), id);
            assertThat(items).hasSize(1);
            assertThat(items.get(0).path("recordType").asText()).isEqualTo("CONSULTATION");
            assertThat(items.get(0).path("record").path("status").asText()).isEqualTo("OPEN");
        }
        assertThat(Feeds.about(Feeds.drain("DE", start), id)).isEmpty();
        assertThat(Feeds.about(Feeds.drain("US", start), id)).isEmpty();
    }

    @Test
    void aControlListEditionIsPublishedToEveryPartner() {
        String start = Feeds.endCursor();
        String edition = "T" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> changeFeed.publishControlListEdition("EU-DU", edition, "PUBLISHED",
                "DE", Map.of("listId", "EU-DU", "edition", edition, "entries", 3)));
        for (String state : DenialFixtures.STATES) {
            List<JsonNode> items = Feeds.about(Feeds.drain(state, start), "EU-DU:" + edition);
            assertThat(items).as(state).hasSize(1);
            assertThat(items.get(0).path("record").path("entries").asInt()).isEqualTo(3);
        }
    }

    @Test
    void theFeedIsForFederationPeersAndRefusesForeignCursors() {
        Api.as("DE", "licensing-officer").get("/api/v1/feed").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("DE", "federation-peer").queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/feed").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        Api.as("DE", "federation-peer").queryParam("limit", "many").get("/api/v1/feed").then().statusCode(400);
        Api.as("DE", "federation-peer").queryParam("cursor", Feeds.cursorOf("DE", 999999999))
                .get("/api/v1/feed").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        String end = Feeds.endCursor("DE");
        String next = Api.as("DE", "federation-peer").queryParam("cursor", end).get("/api/v1/feed").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("caughtUp", equalTo(true))
                .extract().path("nextCursor");
        assertThat(org.ecx.common.Cursors.decode("feed", "DE", next)).isEqualTo(org.ecx.common.Cursors.decode("feed",
                "DE", end));
        // another state's cursor is useless here
        Api.as("FR", "federation-peer").queryParam("cursor", end).get("/api/v1/feed").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }
}
