package org.ecx.controllist;

import static org.ecx.controllist.ControlListFixtures.document;
import static org.ecx.controllist.ControlListFixtures.importJson;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.smallEdition;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** An edition moves DRAFT → PUBLISHED by an explicit publish; only published editions are seen by all. */
@QuarkusTest
class EditionLifecycleTest {

    @Test
    void aDraftExistsOnlyForTheListsEditorsUntilItIsPublished() {
        String feedStart = org.ecx.support.Feeds.endCursor();
        String list = newList("DE", "FR");
        String path = "/api/v1/control-lists/" + list + "/editions/2025-11";
        importJson("DE", list, document("2025-11", "2025-11-15", ControlListFixtures.smallEdition())).statusCode(201);

        Api.as("FR", "list-editor").get(path).then().statusCode(200).body("status", equalTo("DRAFT"));
        Api.as("JP", "licensing-officer").get(path).then().statusCode(404).contentType("application/problem+json");
        Api.as("DE", "licensing-officer").get(path + "/entries/3A001").then().statusCode(404);
        Api.as("JP", "licensing-officer").get("/api/v1/control-lists/" + list + "/editions").then().statusCode(200)
                .body("items.edition", not(hasItem("2025-11")));

        Api.as("FR", "list-editor").post(path + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());
        Api.as("JP", "licensing-officer").get(path).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.as("JP", "licensing-officer").get("/api/v1/control-lists/" + list).then().statusCode(200)
                .body("editionInForce.edition", equalTo("2025-11"));
        // the publication, not the draft, reaches every partner's change feed
        for (String state : org.ecx.support.DenialFixtures.STATES) {
            org.assertj.core.api.Assertions.assertThat(org.ecx.support.Feeds.about(
                    org.ecx.support.Feeds.drain(state, feedStart), list + ":2025-11")).as(state).hasSize(1);
        }
    }

    @Test
    void aPublishedEditionCanBePublishedOrDiscardedNoMore() {
        String path = draftInANewList();
        Api.as("DE", "list-editor").post(path + "/publish").then().statusCode(200);
        Api.as("DE", "list-editor").post(path + "/publish").then().statusCode(409)
                .contentType("application/problem+json");
        Api.as("DE", "list-editor").delete(path).then().statusCode(409).contentType("application/problem+json");
        Api.as("DE", "list-editor").get(path + "/entries/3A001.a.1.a").then().statusCode(200);
    }

    @Test
    void aDraftCanBeDiscardedAndItsNameReused() {
        String path = draftInANewList();
        long rows = ControlListFixtures.entryRows();
        Api.as("DE", "list-editor").delete(path).then().statusCode(204);
        org.assertj.core.api.Assertions.assertThat(ControlListFixtures.entryRows()).isEqualTo(rows - 6);
        Api.as("DE", "list-editor").get(path).then().statusCode(404);
        importJson("DE", path.split("/")[4], document("2025-11", "2025-11-15", smallEdition())).statusCode(201);
    }

    @Test
    void anEditionCanBePublishedOnImport() {
        String list = newList("DE");
        var doc = document("2025-11", "2025-11-15", smallEdition());
        doc.put("status", "PUBLISHED");
        importJson("DE", list, doc).statusCode(201).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void everyWriteIsAnAuditEventOfTheCallersState() {
        String path = draftInANewList();
        Api.as("DE", "list-editor").post(path + "/publish").then().statusCode(200);
        Api.as("DE", "auditor").queryParam("recordType", "CONTROL_LIST_EDITION")
                .queryParam("recordId", path.split("/")[4] + "/2025-11").get("/api/v1/audit").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("CONTROL_LIST_EDITION_IMPORTED",
                        "CONTROL_LIST_EDITION_PUBLISHED"))
                .body("items.actorState", org.hamcrest.Matchers.everyItem(equalTo("DE")));
    }

    /** Imports draft 2025-11 into a new list edited by DE; returns the edition's path. */
    private static String draftInANewList() {
        String list = newList("DE");
        importJson("DE", list, document("2025-11", "2025-11-15", smallEdition())).statusCode(201);
        return "/api/v1/control-lists/" + list + "/editions/2025-11";
    }
}
