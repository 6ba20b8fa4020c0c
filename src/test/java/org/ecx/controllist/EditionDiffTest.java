package org.ecx.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.controllist.ControlListFixtures.entry;
import static org.ecx.controllist.ControlListFixtures.importPublished;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.smallEdition;
import static org.ecx.controllist.ControlListFixtures.with;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** SPEC §6: the diff of two editions — added, removed, changed field by field, renumbered. */
@QuarkusTest
class EditionDiffTest {

    @Test
    void theDiffOfAChangedSecondEditionListsAddedRemovedChangedAndRenumberedEntries() {
        String list = newList("DE");
        importPublished(list, "2024-09", "2024-09-01", smallEdition());

        List<Map<String, Object>> second = new ArrayList<>();
        second.add(with(entry("3A001", "Electronic items"), "text", "Electronic items, as set out below."));
        second.add(entry("3A001.a", "General-purpose integrated circuits"));
        second.add(with(entry("3A001.a.1", "Radiation-hardened circuits"), "notes", List.of("A first note.")));
        second.add(entry("3A001.a.1.a", "Total-dose hardened circuits"));
        second.add(entry("3A001.c", "Microwave components"));                  // 3A001.b renumbered to 3A001.c
        second.add(with(entry("3A002", "Recording equipment"), "text", "New entry."));
        second.add(with(entry("3A002.a", "MTCR", "Oscilloscopes"), "status", "RESERVED"));
        Map<String, Object> doc = ControlListFixtures.document("2025-11", "2025-11-15", second);
        doc.put("renumbered", List.of(Map.of("from", "3A001.b", "to", "3A001.c")));
        doc.put("status", "PUBLISHED");
        ControlListFixtures.importJson("DE", list, doc).statusCode(201);

        JsonPath diff = Api.as("JP", "licensing-officer").queryParam("from", "2024-09")
                .get("/api/v1/control-lists/" + list + "/editions/2025-11/diff").then().statusCode(200)
                .body("from", equalTo("2024-09")).body("to", equalTo("2025-11"))
                .extract().jsonPath();
        assertThat(diff.getList("added.code", String.class)).containsExactly("3A002", "3A002.a");
        assertThat(diff.getList("removed.code", String.class)).containsExactly("5A002");
        assertThat(diff.getList("changed.code", String.class)).containsExactly("3A001", "3A001.a.1");
        assertThat(diff.getString("changed[0].changes[0].field")).isEqualTo("text");
        assertThat(diff.getString("changed[0].changes[0].old")).isEqualTo("Electronic items as follows.");
        assertThat(diff.getString("changed[0].changes[0].new")).isEqualTo("Electronic items, as set out below.");
        assertThat(diff.getString("changed[1].changes[0].field")).isEqualTo("notes");
        assertThat(diff.getList("changed[1].changes[0].old", String.class)).containsExactly("A first note.", "A second note.");
        assertThat(diff.getList("changed[1].changes[0].new", String.class)).containsExactly("A first note.");
        assertThat(diff.getString("renumbered[0].from")).isEqualTo("3A001.b");
        assertThat(diff.getString("renumbered[0].to")).isEqualTo("3A001.c");
        assertThat(diff.getList("renumbered[0].changes")).isEmpty();
    }

    @Test
    void renumberingsChainAcrossTheEditionsInBetween() {
        String list = newList("DE");
        importPublished(list, "e1", "2023-01-01", List.of(entry("3A001", "Items"), entry("3A001.a", "Widgets")));
        Map<String, Object> e2 = ControlListFixtures.document("e2", "2024-01-01",
                List.of(entry("3A001", "Items"), entry("3A001.b", "Widgets")));
        e2.put("renumbered", List.of(Map.of("from", "3A001.a", "to", "3A001.b")));
        e2.put("status", "PUBLISHED");
        ControlListFixtures.importJson("DE", list, e2).statusCode(201);
        Map<String, Object> e3 = ControlListFixtures.document("e3", "2025-01-01",
                List.of(entry("3A001", "Items"), entry("3A001.c", "Better widgets")));
        e3.put("renumbered", List.of(Map.of("from", "3A001.b", "to", "3A001.c")));
        ControlListFixtures.importJson("DE", list, e3).statusCode(201);   // a draft: its editors may diff it

        JsonPath diff = Api.as("DE", "list-editor").queryParam("from", "e1")
                .get("/api/v1/control-lists/" + list + "/editions/e3/diff").then().statusCode(200).extract().jsonPath();
        assertThat(diff.getString("renumbered[0].from")).isEqualTo("3A001.a");
        assertThat(diff.getString("renumbered[0].to")).isEqualTo("3A001.c");
        assertThat(diff.getString("renumbered[0].changes[0].field")).isEqualTo("title");
        assertThat(diff.getList("added")).isEmpty();
        assertThat(diff.getList("removed")).isEmpty();
    }

    @Test
    void aDiffNeedsAnExistingFromEdition() {
        String list = newList("DE");
        importPublished(list, "e1", "2023-01-01", smallEdition());
        Api.as("DE", "list-editor").get("/api/v1/control-lists/" + list + "/editions/e1/diff").then()
                .statusCode(400).contentType("application/problem+json");
        Api.as("DE", "list-editor").queryParam("from", "nope").get("/api/v1/control-lists/" + list + "/editions/e1/diff")
                .then().statusCode(404);
    }

    @Test
    void aRenumberingToACodeOutsideTheEditionIsRejected() {
        String list = newList("DE");
        Map<String, Object> doc = ControlListFixtures.document("e1", "2023-01-01", smallEdition());
        doc.put("renumbered", List.of(Map.of("from", "3A001.x", "to", "3A009"), Map.of("from", "bad", "to", "3A001")));
        ControlListFixtures.importJson("DE", list, doc).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("renumbered[0].to", "renumbered[1].from"));
    }
}
