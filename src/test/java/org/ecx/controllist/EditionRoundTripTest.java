package org.ecx.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.controllist.ControlListFixtures.entry;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.with;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** A full export re-imports to an identical edition, in JSON and in CSV. */
@QuarkusTest
class EditionRoundTripTest {

    /** An edition with every field in use, including text that needs CSV quoting. */
    static List<Map<String, Object>> richEdition() {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(with(entry("1C350", "AG", "Precursors, \"toxic\" chemicals"), "text", "Line one,\nline two;\r\nline three"));
        entries.add(with(with(entry("1C350.1", "AG", "Sample precursor"), "notes", List.of("Note, with comma", "Ünïcödé note")),
                "status", "RESERVED"));
        entries.add(with(with(entry("3A001", "Electronic items"), "status", "PROVISIONAL"), "reviewBy", "2026-06-30"));
        entries.add(entry("3A001.a", "Circuits"));
        entries.add(with(entry("9A012", "MTCR", "Unmanned aerial vehicles"), "text", ""));
        return entries;
    }

    @Test
    void aJsonExportReimportsToAnIdenticalEdition() {
        String first = newList("DE");
        Map<String, Object> doc = ControlListFixtures.document("2025-11", "2025-11-15", richEdition());
        doc.put("title", "Round trip");
        doc.put("renumbered", List.of(Map.of("from", "3A002", "to", "3A001.a")));
        ControlListFixtures.importJson("DE", first, doc).statusCode(201);
        byte[] exported = export(first, "application/json");

        String second = newList("DE");
        Api.as("DE", "list-editor").body(exported).post("/api/v1/control-lists/" + second + "/editions").then()
                .statusCode(201);
        assertThat(new String(export(second, "application/json"), StandardCharsets.UTF_8))
                .isEqualTo(new String(exported, StandardCharsets.UTF_8));
        Api.as("DE", "list-editor").queryParam("from", "2025-11")
                .get("/api/v1/control-lists/" + first + "/editions/2025-11/diff").then().statusCode(200);
    }

    @Test
    void aCsvExportReimportsToAnIdenticalEdition() {
        String first = newList("DE");
        ControlListFixtures.importJson("DE", first, ControlListFixtures.document("2025-11", "2025-11-15", richEdition()))
                .statusCode(201);
        byte[] csv = export(first, "text/csv");
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith("code,parentCode,category,group,regime,title,text,notes,status,reviewBy\r\n");

        String second = newList("DE");
        Api.as("DE", "list-editor").contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("edition", "2025-11").queryParam("effectiveDate", "2025-11-15")
                .post("/api/v1/control-lists/" + second + "/editions").then().statusCode(201);
        assertThat(export(second, "text/csv")).isEqualTo(csv);
        assertThat(export(second, "application/json")).isEqualTo(export(first, "application/json"));
    }

    @Test
    void aCsvExportNeutralisesSpreadsheetFormulasAndStillReimportsToTheSameText() {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(with(entry("1C350", "AG", "=HYPERLINK(\"http://evil.example\",\"click\")"), "text", "+1+2"));
        entries.add(with(entry("3A001", "-2+3"), "notes", List.of("@SUM(A1:A9)", "\tTabbed", "'quoted")));
        entries.add(entry("3A001.a", "Plain title - with a dash inside"));
        String first = newList("DE");
        ControlListFixtures.importJson("DE", first, ControlListFixtures.document("2025-11", "2025-11-15", entries))
                .statusCode(201);
        String csv = new String(export(first, "text/csv"), StandardCharsets.UTF_8);
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(value).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        assertThat(csv).contains("'=HYPERLINK(").contains("'+1+2").contains("'-2+3").contains("'@SUM(A1:A9)")
                .contains("Plain title - with a dash inside");

        String second = newList("DE");
        Api.as("DE", "list-editor").contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("edition", "2025-11").queryParam("effectiveDate", "2025-11-15")
                .post("/api/v1/control-lists/" + second + "/editions").then().statusCode(201);
        assertThat(export(second, "application/json")).isEqualTo(export(first, "application/json"));
    }

    private static byte[] export(String list, String accept) {
        return Api.as("DE", "list-editor").accept(accept)
                .get("/api/v1/control-lists/" + list + "/editions/2025-11/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith(accept)).extract().asByteArray();
    }
}
