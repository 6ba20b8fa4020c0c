package org.ecx.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.controllist.ControlListFixtures.entry;
import static org.ecx.controllist.ControlListFixtures.importPublished;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** Reading entries: by prefix, by full text, page by page, one with its hierarchy, and as of a date. */
@QuarkusTest
class EntryReadTest {

    private static final String SAMPLE = "/api/v1/control-lists/SAMPLE-DU/editions/2025-01";

    @Test
    void theSampleListIsLoadedAcrossCategoriesAndGroups() {
        JsonPath page = Api.as("US", "licensing-officer").queryParam("limit", 500).get(SAMPLE + "/entries").then()
                .statusCode(200).extract().jsonPath();
        List<String> codes = page.getList("items.code", String.class);
        assertThat(codes.size()).isGreaterThanOrEqualTo(40);
        assertThat(codes.stream().map(c -> c.charAt(0)).distinct()).hasSize(10);
        assertThat(codes.stream().map(c -> c.charAt(1)).distinct()).containsExactlyInAnyOrder('A', 'B', 'C', 'D', 'E');
        assertThat(codes).isSorted();
    }

    @Test
    void aPrefixSelectsAnEntryAndItsDescendantsOrEveryCodeStartingWithIt() {
        Api.as("US", "licensing-officer").queryParam("prefix", "3A001.a").get(SAMPLE + "/entries").then()
                .statusCode(200).body("items.code", contains("3A001.a", "3A001.a.1", "3A001.a.1.a", "3A001.a.1.b",
                        "3A001.a.2"));
        Api.as("US", "licensing-officer").queryParam("prefix", "0").get(SAMPLE + "/entries").then()
                .statusCode(200).body("items.code", contains("0A001", "0A001.a", "0A001.b", "0B001", "0B001.a",
                        "0C001", "0D001", "0E001"));
        Api.as("US", "licensing-officer").queryParam("prefix", "3A%").get(SAMPLE + "/entries").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void fullTextSearchFindsWordsInTitleAndTextWithStemming() {
        Api.as("US", "licensing-officer").queryParam("q", "cameras").get(SAMPLE + "/entries").then()
                .statusCode(200).body("items.code", contains("6A003"));
        Api.as("US", "licensing-officer").queryParam("q", "radiation").queryParam("prefix", "3A")
                .get(SAMPLE + "/entries").then().statusCode(200).body("items.code", hasItem("3A001.a.1"));
        Api.as("US", "licensing-officer").queryParam("q", "\"under water\"").get(SAMPLE + "/entries").then()
                .statusCode(200).body("items.code", contains("6A001.a", "8A001"));
        Api.as("US", "licensing-officer").queryParam("q", "'); drop table control_list_entry; --")
                .get(SAMPLE + "/entries").then().statusCode(200);
    }

    @Test
    void entriesComePageByPageWithAnOpaqueCursor() {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var req = Api.as("US", "licensing-officer").queryParam("limit", 7);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get(SAMPLE + "/entries").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(all).doesNotHaveDuplicates().isSorted().hasSizeGreaterThanOrEqualTo(40);
        Api.as("US", "licensing-officer").queryParam("cursor", "garbage").get(SAMPLE + "/entries").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anEntryComesWithItsAncestorsAndChildren() {
        Api.as("US", "licensing-officer").get(SAMPLE + "/entries/3A001.a.1").then().statusCode(200)
                .body("listId", equalTo("SAMPLE-DU")).body("edition", equalTo("2025-01"))
                .body("entry.code", equalTo("3A001.a.1")).body("entry.regime", equalTo("WA"))
                .body("ancestors.code", contains("3A001.a", "3A001"))
                .body("children.code", contains("3A001.a.1.a", "3A001.a.1.b"));
        Api.as("US", "licensing-officer").get(SAMPLE + "/entries/3A001").then().statusCode(200)
                .body("ancestors.size()", equalTo(0)).body("entry.parentCode", nullValue());
        Api.as("US", "licensing-officer").get(SAMPLE + "/entries/3A999").then().statusCode(404);
        Api.as("US", "licensing-officer").get(SAMPLE + "/entries/not-a-code").then().statusCode(404);
    }

    @Test
    void asOfResolvesTheEntryFromThePublishedEditionInForceOnThatDate() {
        String list = newList("DE");
        String path = "/api/v1/control-lists/" + list + "/entries/3A001.a";
        importPublished(list, "2023-06", "2023-06-01", List.of(entry("3A001", "Items"), entry("3A001.a", "Old title")));
        importPublished(list, "2024-06", "2024-06-01", List.of(entry("3A001", "Items"), entry("3A001.a", "New title")));
        // a later draft is not in force for anyone, not even its editors
        ControlListFixtures.importJson("DE", list, ControlListFixtures.document("2024-09", "2024-01-15",
                List.of(entry("3A001", "Items"), entry("3A001.a", "Draft title")))).statusCode(201);

        Api.as("FR", "licensing-officer").queryParam("asOf", "2024-03-01").get(path).then().statusCode(200)
                .body("edition", equalTo("2023-06")).body("entry.title", equalTo("Old title"));
        Api.as("DE", "list-editor").queryParam("asOf", "2024-03-01").get(path).then().statusCode(200)
                .body("edition", equalTo("2023-06"));
        Api.as("FR", "licensing-officer").queryParam("asOf", "2024-06-01").get(path).then().statusCode(200)
                .body("edition", equalTo("2024-06")).body("entry.title", equalTo("New title"))
                .body("effectiveDate", equalTo("2024-06-01"));
        Api.as("FR", "licensing-officer").get(path).then().statusCode(200).body("edition", equalTo("2024-06"));
        Api.as("FR", "licensing-officer").queryParam("asOf", "2023-05-31").get(path).then().statusCode(404);
        Api.as("FR", "licensing-officer").queryParam("asOf", "yesterday").get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void listsAreVisibleToEveryPartnerWithTheirEditingStates() {
        Api.as("IN", "auditor").get("/api/v1/control-lists").then().statusCode(200)
                .body("items.id", hasItem("EU-DU")).body("items.size()", greaterThanOrEqualTo(3));
        Api.as("IN", "auditor").get("/api/v1/control-lists/WA-DU").then().statusCode(200)
                .body("editingStates", contains("DE", "FR", "IN", "JP", "US"));
        Api.as("IN", "auditor").get("/api/v1/control-lists/EU-DU").then().statusCode(200)
                .body("editingStates", contains("DE", "FR"));
        Api.as("IN", "auditor").get("/api/v1/control-lists/SAMPLE-DU").then().statusCode(200)
                .body("editionInForce.edition", equalTo("2025-01"));
    }

    @Test
    void theCatalogHelperFindsPublishedEntriesOnly() {
        String list = newList("DE");
        importPublished(list, "p", "2024-01-01", List.of(with(entry("3A001", "Items"), "text", "x")));
        ControlListFixtures.importJson("DE", list, ControlListFixtures.document("d", "2024-02-01",
                List.of(entry("3A001", "Items")))).statusCode(201);
        ControlListCatalog catalog = io.quarkus.arc.Arc.container().instance(ControlListCatalog.class).get();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            assertThat(catalog.editionExists(list, "p")).isTrue();
            assertThat(catalog.editionExists(list, "d")).isFalse();
            assertThat(catalog.findEntry(list, "p", "3A001")).map(EntryView::text).contains("x");
            assertThat(catalog.findEntry(list, "d", "3A001")).isEmpty();
            assertThat(catalog.findEntry(list, "p", "3A001.a")).isEmpty();
            assertThat(catalog.findEntryInForce(list, "3A001", java.time.LocalDate.of(2024, 3, 1))).isPresent();
        });
    }
}
