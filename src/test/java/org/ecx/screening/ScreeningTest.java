package org.ecx.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pre-licence screening (SPEC §4) against a real PostgreSQL index. */
@QuarkusTest
class ScreeningTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A unique invented word, so that each test finds only its own denials. */
    static String word() {
        String letters = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(UUID.randomUUID().getMostSignificantBits());
        for (int i = 0; i < 4; i++) {
            sb.append(letters.charAt(r.nextInt(letters.length()))).append(vowels.charAt(r.nextInt(vowels.length())));
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    static ObjectNode denialOn(String partyName, String role, String controlEntry) {
        ObjectNode d = DenialFixtures.denial();
        ObjectNode party = (ObjectNode) d.get("parties").get(0);
        party.put("name", partyName);
        party.put("role", role);
        party.remove("aliases");
        // entries outside the sample list: no list edition to refer to
        ((ObjectNode) d.get("items").get(0)).put("controlEntry", controlEntry).remove("listEdition");
        return d;
    }

    static String notify(String state, ObjectNode denial) {
        return Api.as(state, "denial-officer").body(denial.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    static ObjectNode screening(String name, String... controlEntries) {
        ObjectNode s = DenialFixtures.JSON.createObjectNode();
        s.putArray("parties").addObject().put("name", name);
        ArrayNode items = s.putArray("items");
        for (String c : controlEntries) {
            items.addObject().put("controlEntry", c);
        }
        return s;
    }

    static JsonPath screen(String state, ObjectNode body) {
        return Api.as(state, "licensing-officer").body(body.toString()).post("/api/v1/screenings").then()
                .statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> matchOf(JsonPath result, String denialId) {
        List<Map<String, Object>> matches = result.getList("matches");
        return matches.stream().filter(m -> denialId.equals(m.get("denialId"))).findFirst().orElse(null);
    }

    @Test
    void aCyrillicNameWithALegalFormFindsTheDenialOnItsLatinSpelling() {
        String id = notify("DE", denialOn("Romashka LLC", "END_USER", "3A001.a.1"));
        JsonPath result = screen("FR", screening("ООО \"Ромашка\""));
        Map<String, Object> match = matchOf(result, id);
        assertThat(match).as("matches: %s", result.getList("matches.matchedParty.name")).isNotNull();
        assertThat((Float) match.get("score")).isBetween(0.8f, 1.0f);
        assertThat(result.getString("matches.find { it.denialId == '" + id + "' }.matchedOn[0].value"))
                .isEqualTo("Romashka LLC");
        assertThat(result.getList("matches.find { it.denialId == '" + id + "' }.matchedOn[0].tokens.query", String.class))
                .containsExactly("romashka");
        assertThat(result.getString("matches.find { it.denialId == '" + id + "' }.denial.parties[0].name"))
                .isEqualTo("Romashka LLC");
    }

    @Test
    void aPartialNameOfOneWordIsAPossibleMatchThatIsNeverEssentiallyIdenticalWhileTwoWordsOrTheFullNameAreAMatch() {
        String a = word();
        String b = word();
        String fullName = a + " " + word() + " " + b + " " + word() + " Trading";
        String id = notify("DE", denialOn(fullName, "END_USER", "3A001.a.1"));

        // one distinctive word of the listed name (and a generic one): a look, not a match
        JsonPath partial = screen("FR", screening(a + " Trading", "3A001.a.1"));
        Map<String, Object> possible = matchOf(partial, id);
        assertThat(possible).as("matches: %s", partial.getList("matches.matchedParty.name")).isNotNull();
        assertThat(possible.get("band")).isEqualTo("POSSIBLE");
        assertThat((Float) possible.get("score")).isLessThan(0.8f);
        assertThat(possible.get("essentiallyIdentical")).isEqualTo(false);
        assertThat(possible.get("consultationRequired")).isEqualTo(false);
        assertThat(partial.getString("matches.find { it.denialId == '" + id + "' }.matchedOn[0].bandReason"))
                .contains("partial name");

        // two distinctive words, both in the listed name: a partial name of rare words is a match (sixth round)
        Map<String, Object> twoWords = matchOf(screen("FR", screening(a + " " + b, "3A001.a.1")), id);
        assertThat(twoWords.get("band")).isEqualTo("MATCH");
        assertThat(twoWords.get("essentiallyIdentical")).isEqualTo(true);

        Map<String, Object> match = matchOf(screen("FR", screening(fullName, "3A001.a.1")), id);
        assertThat(match.get("band")).isEqualTo("MATCH");
        assertThat(match.get("essentiallyIdentical")).isEqualTo(true);
    }

    @Test
    void aLegalFormAloneIsNeverAMatch() {
        String id = notify("DE", denialOn("11420 Corp.", "END_USER", "3A001.a.1"));
        JsonPath result = screen("FR", screening("Belletech Corp"));
        assertThat(matchOf(result, id)).isNull();
        // and a name of legal forms only cannot be screened at all
        Api.as("FR", "licensing-officer").body(screening("Corp. LLC").toString()).post("/api/v1/screenings").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parties[0].name"));
    }

    @Test
    void wordOrderTyposAndTransliterationStillMatch() {
        String w = word();
        String id = notify("DE", denialOn(w + " Shakhid Trading GmbH", "CONSIGNEE", "1C350"));
        assertThat(matchOf(screen("FR", screening("Shakhid, " + w)), id)).isNotNull();
        String typo = w.substring(0, 3) + (w.charAt(3) == 'a' ? 'e' : 'a') + w.substring(4);
        assertThat(matchOf(screen("FR", screening(typo + " Shakhid")), id)).isNotNull();
    }

    @Test
    void aStateOutsideTheRegimeNeverGetsTheDenialAndNoUnreleasedFieldReachesAnyone() {
        String w = word();
        String canary = "CANARY-" + UUID.randomUUID();
        ObjectNode nsgOnly = DenialFixtures.withScope(denialOn(w + " Nuclear", "END_USER", "0B001"), "REGIME", "NSG", null);
        nsgOnly.put("rationale", canary + "-nsg-rationale");
        String nsgId = notify("DE", nsgOnly);
        ObjectNode everyone = denialOn(w + " Nuclear", "END_USER", "0B001");
        ((ObjectNode) everyone.get("parties").get(0)).put("address", canary + "-address");
        everyone.put("rationale", canary + "-rationale");
        everyone.put("contact", canary + "-contact");
        everyone.put("licenceApplicationRef", canary + "-licence");
        ((ObjectNode) everyone.get("items").get(0)).put("quantity", canary + "-quantity");
        DenialFixtures.release(everyone, "addresses", List.of("FR"));
        String allId = notify("DE", everyone);

        String asIndia = Api.as("IN", "licensing-officer").body(screening(w + " Nuclear", "0B001").toString())
                .post("/api/v1/screenings").then().statusCode(200).extract().asString();
        assertThat(asIndia).contains(allId).doesNotContain(nsgId).doesNotContain(canary);
        JsonPath asFrance = screen("FR", screening(w + " Nuclear", "0B001"));
        assertThat(matchOf(asFrance, nsgId)).isNotNull();
        assertThat(asFrance.prettify()).doesNotContain(canary);
    }

    @Test
    void revokedDenialsCountOnlyWhenAskedFor() {
        String w = word();
        String id = notify("DE", denialOn(w + " Avionics", "END_USER", "7A003"));
        Api.as("DE", "denial-officer").body("{\"reason\":\"lifted\"}").post("/api/v1/denials/" + id + "/revocation")
                .then().statusCode(200);
        assertThat(matchOf(screen("FR", screening(w + " Avionics")), id)).isNull();
        ObjectNode withRevoked = screening(w + " Avionics").put("includeRevoked", true);
        assertThat(matchOf(screen("FR", withRevoked), id)).containsEntry("status", "REVOKED");
        JsonPath viaQuery = Api.as("FR", "licensing-officer").queryParam("includeRevoked", "true")
                .body(screening(w + " Avionics").toString()).post("/api/v1/screenings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(matchOf(viaQuery, id)).isNotNull();
    }

    @Test
    void itemRelationsDecideWhetherATransactionIsEssentiallyIdenticalAndNeedsConsultation() {
        String w = word();
        String endUser = notify("DE", denialOn(w + " Photonics", "END_USER", "6A003.b"));
        Object[][] table = {
            // screened entry, relation, essentially identical, consultation required (for FR)
            {"6A003.b", "EXACT", true, true},
            {"6A003.b.4", "ANCESTOR", true, true},
            {"6A003", "DESCENDANT", true, true},
            {"6A002", "SAME_CATEGORY", false, false},
            {"6B003", "NONE", false, false},
            {"3A001", "NONE", false, false},
        };
        for (Object[] row : table) {
            Map<String, Object> m = matchOf(screen("FR", screening(w + " Photonics", (String) row[0])), endUser);
            assertThat(m).as("%s", row[0]).isNotNull();
            assertThat(m.get("itemRelation")).as("%s", row[0]).isEqualTo(row[1]);
            assertThat(m.get("essentiallyIdentical")).as("%s", row[0]).isEqualTo(row[2]);
            assertThat(m.get("consultationRequired")).as("%s", row[0]).isEqualTo(row[3]);
        }
        // never for the caller's own denial
        Map<String, Object> own = matchOf(screen("DE", screening(w + " Photonics", "6A003.b")), endUser);
        assertThat(own).containsEntry("essentiallyIdentical", true).containsEntry("consultationRequired", false);

        // an intermediary is not the end user or consignee: not essentially identical
        String intermediary = notify("DE", denialOn(w + " Photonics", "INTERMEDIARY", "6A003.b"));
        assertThat(matchOf(screen("FR", screening(w + " Photonics", "6A003.b")), intermediary))
                .containsEntry("essentiallyIdentical", false).containsEntry("consultationRequired", false);

        // notified more than three years ago (still in force after renewal): no consultation required
        Instant longAgo = Instant.now().minus(Duration.ofDays(3 * 366 + 5));
        clock.set(longAgo);
        ObjectNode old = denialOn(w + " Photonics", "END_USER", "6A003.b");
        old.put("decisionDate", LocalDate.ofInstant(longAgo, ZoneOffset.UTC).minusDays(1).toString());
        String oldId = notify("DE", old);
        clock.reset();
        Api.as("DE", "denial-officer").post("/api/v1/denials/" + oldId + "/renewal").then().statusCode(200);
        assertThat(matchOf(screen("FR", screening(w + " Photonics", "6A003.b")), oldId))
                .containsEntry("status", "RENEWED").containsEntry("essentiallyIdentical", true)
                .containsEntry("consultationRequired", false);
    }

    @Test
    void aBatchScreensUpToOneHundredAndRejectsMore() {
        String w = word();
        String id = notify("DE", denialOn(w + " Hydraulics", "END_USER", "2B350"));
        ObjectNode batch = DenialFixtures.JSON.createObjectNode();
        ArrayNode screenings = batch.putArray("screenings");
        screenings.add(screening("Nobody Known Zzyzx"));
        screenings.add(screening(w + " Hydraulics"));
        JsonPath result = Api.as("FR", "licensing-officer").body(batch.toString()).post("/api/v1/screenings/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("results")).hasSize(2);
        assertThat(result.getList("results[1].matches.denialId", String.class)).contains(id);

        for (int i = 0; i < 99; i++) {
            screenings.add(screening("Party " + i));
        }
        Api.as("FR", "licensing-officer").body(batch.toString()).post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("screenings"));
    }

    @Test
    void invalidScreeningsAreProblemsAndWrongRolesAreForbidden() {
        String[] bodies = {
            "{\"parties\":[]}",
            "{\"parties\":[{\"name\":\"\"}]}",
            "{\"parties\":[{\"name\":\"" + "x".repeat(301) + "\"}]}",
            "{\"parties\":[{\"name\":\"Acme\",\"country\":\"XX\"}]}",
            "{\"parties\":[{\"name\":\"Acme\"}],\"items\":[{\"controlEntry\":\"3a001\"}]}",
            "{\"parties\":[{\"name\":\"Acme\"}],\"threshold\":1.5}",
            "{\"parties\":[{\"name\":\"Acme\"}],\"destinationCountry\":\"iran\"}",
            "{\"parties\":[{\"name\":\"Acme\"}],\"unknown\":1}",
        };
        for (String body : bodies) {
            Api.as("FR", "licensing-officer").body(body).post("/api/v1/screenings").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        StringBuilder many = new StringBuilder("{\"parties\":[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"Acme ").append(i).append("\"}");
        }
        Api.as("FR", "licensing-officer").body(many.append("]}").toString()).post("/api/v1/screenings").then()
                .statusCode(400);
        Api.as("FR", "denial-officer").body(screening("Acme").toString()).post("/api/v1/screenings").then()
                .statusCode(403);
        Api.anonymous().body(screening("Acme").toString()).post("/api/v1/screenings").then().statusCode(401);
    }

    @Test
    void aScreeningIsAuditedAndEachMatchCountsAsAReadOfTheDenial() {
        String w = word();
        String id = notify("DE", denialOn(w + " Metallurgy", "END_USER", "1C002"));
        screen("JP", screening(w + " Metallurgy"));
        List<String> actions = Api.as("JP", "auditor").queryParam("recordType", ScreeningService.RECORD_TYPE).queryParam("limit", 500).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).contains(ScreeningService.ACTION);
        Api.as("DE", "denial-officer").get("/api/v1/denials/" + id + "/access-receipts").then().statusCode(200)
                .body("find { it.state == 'JP' }.reads", equalTo(1));
    }
}
