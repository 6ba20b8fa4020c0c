package org.ecx.controllist;

import static org.ecx.controllist.ControlListFixtures.document;
import static org.ecx.controllist.ControlListFixtures.importJson;
import static org.ecx.controllist.ControlListFixtures.importPublished;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.smallEdition;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** Who may write a list is data (its editing states) on top of the role table; every partner reads. */
@QuarkusTest
class ControlListAuthorizationTest {

    @Test
    void aListEditorOfAStateThatDoesNotEditTheListIsForbidden() {
        String list = newList("DE", "FR");
        importJson("JP", list, document("2025-11", "2025-11-15", smallEdition())).statusCode(403)
                .contentType("application/problem+json");
        importPublished(list, "2025-01", "2025-01-01", smallEdition());
        Api.as("JP", "list-editor").post("/api/v1/control-lists/" + list + "/editions/2025-01/publish").then()
                .statusCode(403);
    }

    @Test
    void theBodyOfAForbiddenImportIsNeverRead() {
        String list = newList("DE");
        importJson("US", list, "{ not json at all").statusCode(403).contentType("application/problem+json");
        Api.as("DE", "licensing-officer").body("{ not json").post("/api/v1/control-lists/" + list + "/editions")
                .then().statusCode(403);
    }

    @Test
    void aLicensingOfficerMayReadEverythingButWriteNothing() {
        String list = newList("DE");
        importPublished(list, "2025-01", "2025-01-01", smallEdition());
        String base = "/api/v1/control-lists/" + list;
        Api.as("IN", "licensing-officer").body(document("2025-11", "2025-11-15", smallEdition()))
                .post(base + "/editions").then().statusCode(403).contentType("application/problem+json");
        Api.as("DE", "licensing-officer").body(Map.of("mappings", List.of()))
                .put(base + "/correlations/DE").then().statusCode(403);
        for (String read : List.of("/api/v1/control-lists", base, base + "/editions", base + "/editions/2025-01",
                base + "/editions/2025-01/entries", base + "/editions/2025-01/entries/3A001.a",
                base + "/editions/2025-01/export", base + "/entries/3A001?asOf=2025-06-01", base + "/changes",
                base + "/editions/2025-01/diff?from=2025-01")) {
            Api.as("IN", "licensing-officer").get(read).then().statusCode(200);
        }
    }

    @Test
    void everyRoleMayReadTheLists() {
        for (String role : List.of("denial-officer", "licensing-officer", "list-editor", "recognition-officer",
                "auditor", "federation-peer", "admin")) {
            Api.as("JP", role).get("/api/v1/control-lists/SAMPLE-DU").then().statusCode(200);
        }
    }

    @Test
    void aStateMaintainsOnlyItsOwnCorrelationsAndOnlyForListsItEdits() {
        String list = newList("DE", "FR");
        Map<String, Object> body = Map.of("mappings", List.of(Map.of("nationalCode", "N-1", "harmonizedCode", "3A001")));
        Api.as("FR", "list-editor").body(body).put("/api/v1/control-lists/" + list + "/correlations/DE").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as("JP", "list-editor").body(body).put("/api/v1/control-lists/" + list + "/correlations/JP").then()
                .statusCode(403);
        Api.as("FR", "list-editor").body(body).put("/api/v1/control-lists/" + list + "/correlations/FR").then()
                .statusCode(201);
    }

    @Test
    void anUnknownListIsNotFound() {
        Api.as("DE", "list-editor").get("/api/v1/control-lists/NO-SUCH").then().statusCode(404)
                .contentType("application/problem+json");
        importJson("DE", "NO-SUCH", document("x", "2025-01-01", smallEdition())).statusCode(404);
        Api.as("DE", "list-editor").get("/api/v1/control-lists/bad%20id").then().statusCode(404);
    }
}
