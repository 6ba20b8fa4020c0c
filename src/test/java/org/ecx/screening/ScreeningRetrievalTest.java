package org.ecx.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.screening.ScreeningTest.denialOn;
import static org.ecx.screening.ScreeningTest.matchOf;
import static org.ecx.screening.ScreeningTest.screen;
import static org.ecx.screening.ScreeningTest.screening;
import static org.ecx.screening.ScreeningTest.word;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ecx.denial.DenialQueries;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Sealing;
import org.junit.jupiter.api.Test;

/**
 * Retrieval through the in-process index (ADR 0008): the transactional promise, catch-up after amends and
 * out-of-order commits, audit at the end, and the CSV upload.
 */
@QuarkusTest
class ScreeningRetrievalTest {

    @Inject
    ScreeningIndex index;

    @Inject
    DataSource dataSource;

    private List<UUID> indexed(String name) {
        QuarkusTransaction.requiringNew().run(index::catchUp);
        return index.candidates(NameNormalizer.normalize(name), 0.8, ScreeningService.COUNTRY_ADJUSTMENT, 50, 300).stream()
                .map(ScreeningIndex.Candidate::denial).toList();
    }

    @Test
    void aDenialCommittedJustBeforeAScreeningIsFound() {
        String w = word();
        String id = ScreeningTest.notify("DE", denialOn(w + " Vostrel", "END_USER", "3A001.a.1"));
        assertThat(matchOf(screen("FR", screening(w + " Vostrel")), id)).isNotNull();
    }

    @Test
    void aNameTwoEditsAwayIsFoundThroughTheVocabularyAloneRightAfterItsDenialIsCaughtUp() {
        String w = word(); // eight letters: a budget of two edits
        String typo = w.substring(0, 2) + "x" + w.substring(3, 6) + "x" + w.substring(7);
        String id = ScreeningTest.notify("DE", denialOn(w, "END_USER", "3A001.a.1"));
        // no exact key is shared (text, phonetic form and skeleton all differ): only the word's vocabulary document,
        // added by the catch-up in the same commit as the name, finds it (through its deletion keys)
        assertThat(indexed(typo)).contains(UUID.fromString(id));
        assertThat(matchOf(screen("FR", screening(typo)), id)).isNotNull();
    }

    @Test
    void aDenialTheCallerMayNotSeeIsProposedByTheIndexButNeverConsideredNorAudited() {
        String w = word();
        ObjectNode d = DenialFixtures.withScope(denialOn(w + " Quandril", "END_USER", "3A001.a.1"), "STATES", null,
                List.of("JP"));
        String id = ScreeningTest.notify("DE", d);
        assertThat(indexed(w + " Quandril")).contains(UUID.fromString(id));
        assertThat(matchOf(screen("FR", screening(w + " Quandril")), id)).isNull();
        assertThat(matchOf(screen("JP", screening(w + " Quandril")), id)).isNotNull();
        Api.as("DE", "denial-officer").get("/api/v1/denials/" + id + "/access-receipts").then().statusCode(200)
                .body("find { it.state == 'FR' }", equalTo(null))
                .body("find { it.state == 'JP' }.reads", equalTo(1));
    }

    @Test
    void aBatchSearchedInParallelKeepsEachScreeningsMatchesAndNeverAnInvisibleDenial() {
        String a = word() + " Pemberlane";
        String b = word() + " Quistoran";
        String visibleA = ScreeningTest.notify("DE", denialOn(a, "END_USER", "3A001.a.1"));
        String visibleB = ScreeningTest.notify("DE", denialOn(b, "END_USER", "3A001.a.1"));
        String hiddenB = ScreeningTest.notify("DE", DenialFixtures.withScope(denialOn(b, "END_USER", "3A001.a.1"),
                "STATES", null, List.of("JP")));
        ObjectNode batch = DenialFixtures.JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode screenings = batch.putArray("screenings");
        for (int i = 0; i < 12; i++) {
            screenings.add(screening(i % 2 == 0 ? a : b));
        }
        JsonPath result = Api.as("FR", "licensing-officer").body(batch.toString()).post("/api/v1/screenings/batch")
                .then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 12; i++) {
            List<String> ids = result.getList("results[" + i + "].matches.denialId", String.class);
            if (i % 2 == 0) {
                assertThat(ids).contains(visibleA).doesNotContain(visibleB, hiddenB);
            } else {
                assertThat(ids).contains(visibleB).doesNotContain(visibleA, hiddenB);
            }
        }
        Api.as("DE", "denial-officer").get("/api/v1/denials/" + hiddenB + "/access-receipts").then().statusCode(200)
                .body("find { it.state == 'FR' }", equalTo(null));
        Api.as("DE", "denial-officer").get("/api/v1/denials/" + visibleB + "/access-receipts").then().statusCode(200)
                .body("find { it.state == 'FR' }.reads", equalTo(1));
    }

    @Test
    void anAmendedDenialNoLongerMatchesUnderItsOldName() {
        String oldName = word() + " Brannick";
        String newName = word() + " Olvaster";
        ObjectNode d = denialOn(oldName, "END_USER", "3A001.a.1");
        String id = ScreeningTest.notify("DE", d);
        assertThat(matchOf(screen("FR", screening(oldName)), id)).isNotNull();
        ((ObjectNode) d.get("parties").get(0)).put("name", newName);
        Api.as("DE", "denial-officer").header("If-Match", "\"1\"").body(d.toString()).put("/api/v1/denials/" + id)
                .then().statusCode(200);
        assertThat(indexed(oldName)).doesNotContain(UUID.fromString(id));
        assertThat(matchOf(screen("FR", screening(oldName)), id)).isNull();
        assertThat(matchOf(screen("FR", screening(newName)), id)).isNotNull();
    }

    @Test
    void aRebuildIndexesEveryNameOfEveryDenial() throws Exception {
        String w = word();
        String id = ScreeningTest.notify("DE", denialOn(w + " Rebuildia", "END_USER", "3A001.a.1"));
        long expected = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT p ->> 'name' FROM screening_entry, jsonb_array_elements(parties) p UNION ALL"
                        + " SELECT a FROM screening_entry, jsonb_array_elements(parties) p,"
                        + " jsonb_array_elements_text(p -> 'aliases') a"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                expected += NameNormalizer.normalize(rs.getString(1)).isEmpty() ? 0 : 1;
            }
        }
        assertThat(index.rebuild()).isEqualTo(expected);
        assertThat(index.totalNames()).isEqualTo((int) expected);
        assertThat(indexed(w + " Rebuildia")).contains(UUID.fromString(id));
        assertThat(index.documentFrequency("t:" + w.toLowerCase(java.util.Locale.ROOT))).isEqualTo(1);
    }

    @Test
    void aRebuiltIndexIsMergedIntoOneSegmentWhileItKeepsFindingOldAndNewDenials() {
        String before = word() + " Mergeford";
        String beforeId = ScreeningTest.notify("DE", denialOn(before, "END_USER", "3A001.a.1"));
        index.rebuild();
        // written while the merge may still run: the catch-up adds it to the index being merged
        String during = word() + " Duringmere";
        String duringId = ScreeningTest.notify("DE", denialOn(during, "END_USER", "3A001.a.1"));
        assertThat(matchOf(screen("FR", screening(during)), duringId)).isNotNull();
        index.merged().join();
        assertThat(matchOf(screen("FR", screening(before)), beforeId)).isNotNull();
        assertThat(matchOf(screen("FR", screening(during)), duringId)).isNotNull();
        index.rebuild();
        index.merged().join();
        assertThat(index.segments()).isEqualTo(1);
        assertThat(matchOf(screen("FR", screening(during)), duringId)).isNotNull();
    }

    @Test
    void rowsCommittedOutOfTransactionIdOrderAreAllCaughtUp() throws Exception {
        String first = ScreeningTest.notify("DE", denialOn(word() + " Pellinor", "END_USER", "3A001.a.1"));
        String second = ScreeningTest.notify("DE", denialOn(word() + " Tamsk", "END_USER", "3A001.a.1"));
        String early = word() + " Earlywriter";
        String late = word() + " Latewriter";
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            rename(a, first, early); // transaction A takes the lower xid ...
            rename(b, second, late);
            b.commit(); // ... but B commits first
            assertThat(indexed(late)).contains(UUID.fromString(second));
            assertThat(indexed(early)).doesNotContain(UUID.fromString(first));
            a.commit(); // A's row now has an xid older than B's, which the previous catch-up already passed
            assertThat(indexed(early)).contains(UUID.fromString(first));
        }
    }

    private static void rename(Connection c, String denialId, String name) throws Exception {
        try (PreparedStatement st = c.prepareStatement("UPDATE screening_entry SET parties = cast(? as jsonb),"
                + " xid = pg_current_xact_id() WHERE denial_id = ?")) {
            st.setString(1, "[{\"name\": \"" + name + "\", \"aliases\": []}]");
            st.setObject(2, UUID.fromString(denialId));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void theReadsOfAScreeningAreAppendedTogetherWithTheScreeningAfterScoring() throws Exception {
        String w = word();
        String de = ScreeningTest.notify("DE", denialOn(w + " Harrowgate", "END_USER", "3A001.a.1"));
        String jp = ScreeningTest.notify("JP", denialOn(w + " Harrowgate", "CONSIGNEE", "3A001.a.1"));
        String own = ScreeningTest.notify("FR", denialOn(w + " Harrowgate", "CONSIGNEE", "3A001.a.1"));
        assertThat(screen("FR", screening(w + " Harrowgate")).getList("matches.denialId"))
                .contains(de, jp, own);
        Sealing.await(); // events get their seq when the sequencer seals them, after commit
        List<String[]> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT action, record_id FROM audit_event WHERE seq > (SELECT max(seq) FROM audit_event"
                        + " WHERE actor_state = 'FR' AND action = 'DENIAL_CREATED' AND record_id = ?) ORDER BY seq")) {
            st.setString(1, own);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        // one append at the end: the reads of the two other states' denials, then the screening itself
        assertThat(events).extracting(e -> e[0]).containsExactly(DenialQueries.READ_ACTION,
                DenialQueries.READ_ACTION, ScreeningService.ACTION);
        assertThat(events.subList(0, 2)).extracting(e -> e[1]).containsExactlyInAnyOrder(de, jp);
    }

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void aCsvUploadScreensEveryPartyAndAnswersJson() {
        String w = word();
        String id = ScreeningTest.notify("DE", denialOn(w + " Corvinex", "END_USER", "3A001.a.1"));
        JsonPath result = Api.as("FR", "licensing-officer").contentType("text/csv").accept("application/json")
                .queryParam("controlEntry", "3A001.a.1")
                .body(csv("name,country,role", "Unrelated Quibbleworth,AE,CONSIGNEE", w + " Corvinex,,END_USER"))
                .post("/api/v1/screenings/csv").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(matchOf(result, id)).isNotNull();
        assertThat(result.getInt("matches.find { it.denialId == '" + id + "' }.matchedOn[0].queryParty"))
                .isEqualTo(1);
        assertThat(result.getString("matches.find { it.denialId == '" + id + "' }.itemRelation")).isEqualTo("EXACT");
    }

    @Test
    void aCsvUploadAnswersCsvWithFormulaCellsNeutralised() throws Exception {
        String w = word();
        String id = ScreeningTest.notify("DE", denialOn("=" + w + " Trexalon", "END_USER", "3A001.a.1"));
        String body = Api.as("FR", "licensing-officer").contentType("text/csv").accept("text/csv")
                .body(csv("role,name", "END_USER,\"@" + w + " Trexalon\"", "CONSIGNEE,Nobody Zimmerquell"))
                .post("/api/v1/screenings/csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(body)).getRecords();
        CSVRecord hit = rows.stream().filter(r -> r.get("denialId").equals(id)).findFirst().orElseThrow();
        assertThat(hit.get("line")).isEqualTo("2");
        assertThat(hit.get("name")).isEqualTo("'@" + w + " Trexalon");
        assertThat(hit.get("matchedValue")).isEqualTo("'=" + w + " Trexalon");
        assertThat(hit.get("role")).isEqualTo("END_USER");
        CSVRecord none = rows.stream().filter(r -> r.get("line").equals("3")).findFirst().orElseThrow();
        assertThat(none.get("denialId")).isEmpty();
        assertThat(ScreeningCsv.neutralize("+1")).isEqualTo("'+1");
        assertThat(ScreeningCsv.neutralize("-x")).isEqualTo("'-x");
        assertThat(ScreeningCsv.neutralize("\tx")).isEqualTo("'\tx");
        assertThat(ScreeningCsv.neutralize("\rx")).isEqualTo("'\rx");
        assertThat(ScreeningCsv.neutralize("a=b")).isEqualTo("a=b");
    }

    @Test
    void aBadCsvLineIsAProblemNamingTheLineAndNothingIsScreened() {
        long before = screeningsByIn();
        Api.as("IN", "licensing-officer").contentType("text/csv")
                .body(csv("name,country,role", "Good Name Vellox,AE,END_USER", "Bad Country Vellox,Narnia,END_USER",
                        "Bad Role Vellox,AE,SMUGGLER"))
                .post("/api/v1/screenings/csv").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("line 3: country", "line 4: role"));
        Api.as("IN", "licensing-officer").contentType("text/csv").body(csv("name,colour", "Vellox,red"))
                .post("/api/v1/screenings/csv").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 1"));
        Api.as("IN", "licensing-officer").contentType("text/csv").body(csv("name,country", "\"Unclosed,AE"))
                .post("/api/v1/screenings/csv").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line"));
        assertThat(screeningsByIn()).isEqualTo(before);
    }

    private long screeningsByIn() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE actor_state = 'IN' AND action = ?")) {
            st.setString(1, ScreeningService.ACTION);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
