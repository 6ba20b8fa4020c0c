package org.ecx.controllist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.controllist.ControlListFixtures.document;
import static org.ecx.controllist.ControlListFixtures.entry;
import static org.ecx.controllist.ControlListFixtures.entryRows;
import static org.ecx.controllist.ControlListFixtures.importJson;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.smallEdition;
import static org.ecx.controllist.ControlListFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecx.support.Api;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/** SPEC §6: importing an edition, as JSON or CSV, is atomic and reports every bad entry. */
@QuarkusTest
class EditionImportTest {

    private static final String CSV_HEADER = "code,parentCode,category,group,regime,title,text,notes,status,reviewBy\r\n";

    @Test
    void aJsonEditionIsImportedAsADraftWithItsEntries() {
        String list = newList("DE", "FR");
        importJson("FR", list, document("2025-11", "2025-11-15", smallEdition())).statusCode(201)
                .header("Location", endsWith("/api/v1/control-lists/" + list + "/editions/2025-11"))
                .body("listId", equalTo(list)).body("edition", equalTo("2025-11"))
                .body("effectiveDate", equalTo("2025-11-15")).body("status", equalTo("DRAFT"))
                .body("entryCount", equalTo(6)).body("createdByState", equalTo("FR"));
        Api.as("DE", "list-editor").get("/api/v1/control-lists/" + list + "/editions/2025-11/entries/3A001.a.1")
                .then().statusCode(200)
                .body("entry.parentCode", equalTo("3A001.a")).body("entry.category", equalTo("3"))
                .body("entry.group", equalTo("A")).body("entry.status", equalTo("ACTIVE"))
                .body("entry.notes", equalTo(List.of("A first note.", "A second note.")));
    }

    @Test
    void aCsvEditionWithQuotedCommasAndLineBreaksIsImported() {
        String list = newList("DE");
        String csv = CSV_HEADER
                + "3A001,,3,A,WA,Electronic items,\"Items, as follows:\nsee below\",,ACTIVE,\r\n"
                + "3A001.a,3A001,,,WA,\"Circuits, \"\"general\"\"\",,\"Note one\nNote two\",PROVISIONAL,2026-01-31\r\n";
        Api.as("DE", "list-editor").contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("edition", "2025-11").queryParam("effectiveDate", "2025-11-15")
                .post("/api/v1/control-lists/" + list + "/editions").then().statusCode(201)
                .body("entryCount", equalTo(2));
        Api.as("DE", "list-editor").get("/api/v1/control-lists/" + list + "/editions/2025-11/entries/3A001.a")
                .then().statusCode(200)
                .body("entry.title", equalTo("Circuits, \"general\""))
                .body("entry.notes", equalTo(List.of("Note one", "Note two")))
                .body("entry.status", equalTo("PROVISIONAL")).body("entry.reviewBy", equalTo("2026-01-31"));
        Api.as("DE", "list-editor").get("/api/v1/control-lists/" + list + "/editions/2025-11/entries/3A001")
                .then().body("entry.text", equalTo("Items, as follows:\nsee below"));
    }

    @Test
    void anEditionWithSeveralBadEntriesIsRejectedWholeListingEachAndStoringNothing() {
        String list = newList("DE");
        long before = entryRows();
        List<Map<String, Object>> entries = new ArrayList<>(smallEdition());
        entries.add(entry("3A01", "Bad grammar"));                                   // 6
        entries.add(entry("3A002.a", "Orphan"));                                     // 7: parent 3A002 missing
        entries.add(entry("3A001.b", "Duplicate of 4"));                             // 8
        entries.add(entry("4A001", "XX", "Unknown regime"));                         // 9
        entries.add(with(entry("4A002", "Wrong category"), "category", "5"));        // 10
        entries.add(with(entry("4A003", "Wrong group"), "group", "B"));              // 11
        entries.add(with(entry("4A004", ""), "status", "MAYBE"));                    // 12: no title, bad status
        entries.add(with(entry("4A005", "Provisional without review date"), "status", "PROVISIONAL")); // 13
        for (int i = 0; i < 600; i++) {                                              // more than one batch
            entries.add(entry(String.format("9A%03d", i), "Filler " + i));
        }
        Response r = importJson("DE", list, document("2025-11", "2025-11-15", entries)).statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422))
                .body("detail", containsString("Nothing was stored"))
                .extract().response();
        List<String> fields = r.path("errors.field");
        assertThat(fields).contains("entries[6].code", "entries[7].parentCode", "entries[8].code",
                "entries[9].regime", "entries[10].category", "entries[11].group", "entries[12].title",
                "entries[12].status", "entries[13].reviewBy");
        assertThat(fields).hasSize(9);
        List<String> messages = r.path("errors.message");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("3A002.a: parent 3A002"))
                .anySatisfy(m -> assertThat(m).contains("duplicate code, already at entries[4]"));
        assertThat(entryRows()).isEqualTo(before);
        Api.as("DE", "list-editor").get("/api/v1/control-lists/" + list + "/editions/2025-11").then().statusCode(404);
        assertThat(ControlListFixtures.count("SELECT count(*) FROM control_list_edition WHERE list_id = ?1", list))
                .isZero();
    }

    @Test
    void aRejectedCsvEditionNamesTheLineOfEachBadRow() {
        String list = newList("DE");
        String csv = CSV_HEADER
                + "3A001,,,,WA,Electronic items,,,,\r\n"
                + "3A001.z.1,,,,WA,Orphan,,,,\r\n"
                + "3A001.a,,,,WA,Too few cells\r\n";
        Api.as("DE", "list-editor").contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("edition", "2025-11").queryParam("effectiveDate", "2025-11-15")
                .post("/api/v1/control-lists/" + list + "/editions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("entries[1].parentCode", "entries[2]"))
                .body("errors.message", hasItem(containsString("CSV line 3")));
    }

    @Test
    void missingEditionFieldsAreListedWithTheEntries() {
        String list = newList("DE");
        Map<String, Object> doc = document(null, "15.11.2025", List.of(entry("3A001", "")));
        importJson("DE", list, doc).statusCode(422)
                .body("errors.field", hasItems("edition", "effectiveDate", "entries[0].title"));
    }

    @Test
    void malformedJsonIsA400ProblemAndStoresNothing() {
        String list = newList("DE");
        long before = entryRows();
        importJson("DE", list, "{\"edition\":\"2025-11\",\"effectiveDate\":\"2025-11-15\",\"entries\":["
                + "{\"code\":\"3A001\",\"regime\":\"WA\",\"title\":\"ok\"},{\"code\":").statusCode(400)
                .contentType("application/problem+json").body("detail", not500());
        importJson("DE", list, "[]").statusCode(400).contentType("application/problem+json");
        importJson("DE", list, "").statusCode(400).contentType("application/problem+json");
        importJson("DE", list, "{\"edition\":\"x\",\"entries\":{}}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("entries"));
        importJson("DE", list, "{\"edition\":\"x\",\"colour\":\"red\",\"entries\":[]}").statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        importJson("DE", list, "{\"edition\":\"x\",\"effectiveDate\":\"2025-01-01\",\"entries\":[]} trailing")
                .statusCode(400).contentType("application/problem+json");
        assertThat(entryRows()).isEqualTo(before);
    }

    @Test
    void wrongTypesInsideEntriesAre422WithTheirPaths() {
        String list = newList("DE");
        importJson("DE", list, "{\"edition\":\"x\",\"effectiveDate\":\"2025-01-01\",\"entries\":["
                + "{\"code\":3,\"regime\":\"WA\",\"title\":\"t\"},"
                + "{\"code\":\"3A001\",\"regime\":\"WA\",\"title\":\"t\",\"notes\":\"one\",\"colour\":1},"
                + "42]}").statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("entries[0].code", "entries[1].notes", "entries[1].colour", "entries[2]"));
    }

    @Test
    void malformedCsvIsA400ProblemNever500() {
        String list = newList("DE");
        long before = entryRows();
        postCsv(list, CSV_HEADER + "3A001,,,,WA,\"unterminated,,,,\r\n").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("CSV"));
        postCsv(list, "").statusCode(400).contentType("application/problem+json");
        postCsv(list, "code,title,regime,colour\r\n3A001,t,WA,red\r\n").statusCode(400)
                .body("errors[0].field", equalTo("header"));
        postCsv(list, "code,title\r\n3A001,t\r\n").statusCode(400).body("errors[0].message", containsString("regime"));
        postCsvBytes(list, new byte[] {'c', 'o', 'd', 'e', ',', (byte) 0xC3, (byte) 0x28, '\r', '\n'}).statusCode(400)
                .body("detail", containsString("charset"));
        assertThat(entryRows()).isEqualTo(before);
    }

    @Test
    void anUnsupportedContentTypeIsA415Problem() {
        String list = newList("DE");
        given().auth().oauth2(TestTokens.token("DE", "list-editor")).contentType("application/xml").body("<a/>")
                .post("/api/v1/control-lists/" + list + "/editions").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aSecondEditionOfTheSameNameIsAConflict() {
        String list = newList("DE");
        importJson("DE", list, document("2025-11", "2025-11-15", smallEdition())).statusCode(201);
        importJson("DE", list, document("2025-11", "2025-12-01", smallEdition())).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void fiveThousandEntriesImportInOneRequest() {
        String list = newList("DE");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String root = String.format("%dB%03d", i % 10, i / 10);
            if (i / 10 >= 1000) {
                break;
            }
            entries.add(with(entry(root, "Equipment family " + i), "text", "Equipment of family " + i + " as follows."));
            for (char c = 'a'; c <= 'd'; c++) {
                entries.add(with(entry(root + "." + c, "Variant " + c + " of family " + i), "notes", List.of("Note " + c)));
            }
        }
        assertThat(entries).hasSize(5000);
        importJson("DE", list, document("big", "2025-01-01", entries)).statusCode(201).body("entryCount", equalTo(5000));
        Api.as("DE", "list-editor").queryParam("prefix", "3B001").queryParam("limit", 10)
                .get("/api/v1/control-lists/" + list + "/editions/big/entries").then().statusCode(200)
                .body("items", hasSize(5)).body("items[0].code", equalTo("3B001"));
    }

    private static org.hamcrest.Matcher<String> not500() {
        return org.hamcrest.Matchers.not(containsString("Exception"));
    }

    private static io.restassured.response.ValidatableResponse postCsv(String list, String csv) {
        return postCsvBytes(list, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static io.restassured.response.ValidatableResponse postCsvBytes(String list, byte[] csv) {
        return Api.as("DE", "list-editor").contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("edition", "2025-11").queryParam("effectiveDate", "2025-11-15")
                .post("/api/v1/control-lists/" + list + "/editions").then();
    }
}
