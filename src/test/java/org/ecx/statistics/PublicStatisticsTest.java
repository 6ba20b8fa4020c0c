package org.ecx.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.junit.jupiter.api.Test;

/** Public statistics (SPEC §10): no token, small cells suppressed, nothing identifying, only public-scope denials. */
@QuarkusTest
class PublicStatisticsTest {

    @jakarta.inject.Inject
    org.ecx.support.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the clock into a month far ahead that no other run asked for: its snapshot is computed afresh. */
    private java.time.Instant freshPeriod() {
        java.time.Instant start = java.time.LocalDate.of(2200 + ThreadLocalRandom.current().nextInt(5000), 1 + ThreadLocalRandom
                .current().nextInt(12), 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        clock.set(start.plus(java.time.Duration.ofDays(3)));
        return start;
    }

    @Test
    void statisticsNeedNoTokenSuppressSmallCellsCountOnlyAllPartnerDenialsAndIdentifyNothing() {
        int base = 1951 + ThreadLocalRandom.current().nextInt(60); // years no other test uses
        int fewYear = base;
        int manyYear = base + 1;
        int restrictedYear = base + 2;
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            secrets.addAll(create(fewYear, "ALL_PARTNERS"));
        }
        for (int i = 0; i < 5; i++) {
            secrets.addAll(create(manyYear, "ALL_PARTNERS"));
        }
        for (int i = 0; i < 3; i++) {
            secrets.addAll(create(restrictedYear, i == 0 ? "ORIGINATOR" : "STATES"));
        }
        String revoked = Api.as("FR", "denial-officer").body(denial(restrictedYear, "ALL_PARTNERS", "x").toString())
                .post("/api/v1/denials").then().statusCode(201).extract().path("id");
        Api.as("FR", "denial-officer").body("{\"reason\":\"Revocation reason " + UUID.randomUUID() + "\"}")
                .post("/api/v1/denials/" + revoked + "/revocation").then().statusCode(200);

        java.time.Instant asOf = freshPeriod();
        var response = Api.anonymous().get("/api/v1/public/statistics");
        response.then().statusCode(200).body("asOf", org.hamcrest.Matchers.equalTo(asOf.toString()));
        assertThat(response.header("Cache-Control")).contains("max-age=300");
        String text = response.asString();
        JsonNode stats = Feeds.read(text);
        assertThat(stats.path("byYear").path(Integer.toString(fewYear)).asText()).isEqualTo("<5");
        assertThat(stats.path("byYear").has(Integer.toString(manyYear))).isTrue();
        assertThat(stats.path("byYear").has(Integer.toString(restrictedYear))).isFalse();
        assertThat(stats.has("total")).isFalse();
        assertThat(stats.path("byRegime").has("NSG")).isTrue();
        assertThat(stats.path("byCategory").has("3")).isTrue();
        assertThat(stats.path("byReason").has("WMD")).isTrue();
        stats.path("byReason").forEach(cell -> assertThat(cell.isInt() && cell.asInt() >= 5
                || cell.asText().equals("<5")).isTrue());
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(text).doesNotContain("Romashka", "Harbour Road", "Revocation reason", revoked);
    }

    @Test
    void pollingDoesNotRevealANewDenialTheSnapshotStaysTheSameForTheWholePeriod() {
        java.time.Instant asOf = freshPeriod();
        String before = Api.anonymous().get("/api/v1/public/statistics").then().statusCode(200).extract().asString();
        clock.reset();
        int year = 2013 + ThreadLocalRandom.current().nextInt(5); // after the other test's years
        for (int i = 0; i < 6; i++) {
            create(year, "ALL_PARTNERS");
        }
        clock.set(asOf.plus(java.time.Duration.ofDays(20)));
        String later = Api.anonymous().get("/api/v1/public/statistics").then().statusCode(200).extract().asString();
        assertThat(later).isEqualTo(before);
        assertThat(Feeds.read(later).path("asOf").asText()).isEqualTo(asOf.toString());
        // the next period counts them
        clock.set(asOf.plus(java.time.Duration.ofDays(40)));
        JsonNode next = Feeds.read(Api.anonymous().get("/api/v1/public/statistics").then().statusCode(200).extract()
                .asString());
        assertThat(next.path("byYear").path(Integer.toString(year)).asInt()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void noSuppressedCellOfThePublishedSnapshotCanBeDerivedFromTheTotalOfAnotherDimension() {
        int year = 1950; // no other test decides in 1950
        for (int i = 0; i < 2; i++) {
            create(year, "ALL_PARTNERS"); // a small year cell: the target of the derivation
        }
        freshPeriod();
        JsonNode stats = Feeds.read(Api.anonymous().get("/api/v1/public/statistics").then().statusCode(200).extract()
                .asString());
        assertThat(stats.path("byYear").path(Integer.toString(year)).asText()).isEqualTo("<5");
        // the year table adds up to the number of counted denials; try every table whose cells are all shown
        // as that total, and subtract the shown year cells
        for (String table : List.of("byYear", "byRegime", "byCategory", "byReason")) {
            long hidden = 0;
            for (JsonNode cell : stats.path(table)) {
                hidden += cell.isNumber() ? 0 : 1;
            }
            assertThat(hidden).as(table + ": no table has exactly one suppressed cell").isNotEqualTo(1);
        }
    }

    private static ObjectNode denial(int year, String scope, String marker) {
        ObjectNode d = DenialFixtures.denial();
        d.put("decisionDate", year + "-06-01");
        if (scope.equals("STATES")) {
            DenialFixtures.withScope(d, "STATES", null, List.of("DE"));
        } else {
            DenialFixtures.withScope(d, scope, null, null);
        }
        ((ObjectNode) d.withArray("parties").get(0)).put("name", "Canary Party " + marker);
        d.put("rationale", "Canary rationale " + marker);
        return d;
    }

    /** Creates a denial and returns the identifying texts that must never appear publicly. */
    private static List<String> create(int year, String scope) {
        String marker = UUID.randomUUID().toString();
        ObjectNode d = denial(year, scope, marker);
        String id = Api.as("FR", "denial-officer").body(d.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
        return List.of(id, marker, d.path("nationalReference").asText(),
                d.path("regimeReferences").get(0).path("reference").asText());
    }
}
