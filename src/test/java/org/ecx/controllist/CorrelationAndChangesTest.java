package org.ecx.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.controllist.ControlListFixtures.importPublished;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.smallEdition;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** National correlations, and each list's change feed followed with an opaque cursor. */
@QuarkusTest
class CorrelationAndChangesTest {

    private static Map<String, Object> table(String... pairs) {
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            mappings.add(Map.of("nationalCode", pairs[i], "harmonizedCode", pairs[i + 1]));
        }
        return Map.of("mappings", mappings);
    }

    @Test
    void aStatePutsItsCorrelationTableAndEveryPartnerReadsIt() {
        String list = newList("DE", "FR");
        String path = "/api/v1/control-lists/" + list + "/correlations/DE";
        Api.as("JP", "auditor").get(path).then().statusCode(404);
        Api.as("DE", "list-editor").body(table("DE-0001", "3A001.a", "DE-0002", "3A001.b")).put(path).then()
                .statusCode(201).body("state", equalTo("DE")).body("version", equalTo(0));
        String etag = Api.as("JP", "auditor").get(path).then().statusCode(200)
                .body("mappings.nationalCode", contains("DE-0001", "DE-0002"))
                .body("mappings.harmonizedCode", contains("3A001.a", "3A001.b")).extract().header("ETag");

        Api.as("DE", "list-editor").header("If-Match", "\"stale\"").body(table("DE-0001", "3A001.c")).put(path)
                .then().statusCode(412).contentType("application/problem+json");
        Api.as("DE", "list-editor").header("If-Match", etag).body(table("DE-0001", "3A001.c")).put(path).then()
                .statusCode(200).body("mappings.harmonizedCode", contains("3A001.c")).body("version", equalTo(1));
    }

    @Test
    void aBadCorrelationTableIsRejectedAndChangesNothing() {
        String list = newList("DE");
        String path = "/api/v1/control-lists/" + list + "/correlations/DE";
        Api.as("DE", "list-editor").body(table("N1", "3A001")).put(path).then().statusCode(201);
        Api.as("DE", "list-editor").body(table("N1", "not a code")).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mappings[0].harmonizedCode"));
        Api.as("DE", "list-editor").body(table("N1", "3A001", "N1", "3A001")).put(path).then().statusCode(422)
                .body("errors[0].field", equalTo("mappings[1]"));
        Api.as("DE", "list-editor").body("{\"mappings\": [").put(path).then().statusCode(400);
        Api.as("DE", "auditor").get(path).then().body("mappings.harmonizedCode", contains("3A001"));
    }

    @Test
    void theChangeFeedListsPublicationsAndCorrelationChangesInCommitOrder() {
        String list = newList("DE", "FR");
        String feed = "/api/v1/control-lists/" + list + "/changes";
        JsonPath empty = Api.as("US", "federation-peer").get(feed).then().statusCode(200).extract().jsonPath();
        assertThat(empty.getList("items")).isEmpty();
        String cursor = empty.getString("nextCursor");
        assertThat(cursor).isNotBlank();

        importPublished(list, "2025-01", "2025-01-01", smallEdition());
        ControlListFixtures.importJson("DE", list, ControlListFixtures.document("draft", "2026-01-01", smallEdition()))
                .statusCode(201);   // drafts are not changes
        Api.as("FR", "list-editor").body(table("F1", "3A001")).put("/api/v1/control-lists/" + list + "/correlations/FR")
                .then().statusCode(201);

        JsonPath page = Api.as("US", "federation-peer").queryParam("cursor", cursor).queryParam("limit", 1).get(feed)
                .then().statusCode(200).body("items.type", contains("EDITION_PUBLISHED"))
                .body("items[0].edition", equalTo("2025-01")).body("caughtUp", equalTo(false)).extract().jsonPath();
        page = Api.as("US", "federation-peer").queryParam("cursor", page.getString("nextCursor")).get(feed).then()
                .statusCode(200).body("items.type", contains("CORRELATION_CHANGED"))
                .body("items[0].state", equalTo("FR")).body("caughtUp", equalTo(true)).extract().jsonPath();
        Api.as("US", "federation-peer").queryParam("cursor", page.getString("nextCursor")).get(feed).then()
                .statusCode(200).body("items.size()", equalTo(0));
        Api.as("US", "federation-peer").queryParam("cursor", "ecx1:forged").get(feed).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aReaderFollowingTheCursorWhileOthersWriteNeverMissesNorRepeatsAChange() throws Exception {
        String list = newList("DE", "FR");
        String feed = "/api/v1/control-lists/" + list + "/changes";
        int writers = 4;
        int writesEach = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String state = w % 2 == 0 ? "DE" : "FR";
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    if (state.equals("DE")) {
                        importPublished(list, "w" + writer + "-" + i, "2025-01-01", smallEdition());
                    } else {
                        Api.as(state, "list-editor").body(table("N-" + writer + "-" + i, "3A001"))
                                .put("/api/v1/control-lists/" + list + "/correlations/" + state).then()
                                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
                    }
                }
            }));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (seen.size() < writers * writesEach && System.currentTimeMillis() < deadline) {
            var req = Api.as("JP", "federation-peer").queryParam("limit", 3);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get(feed).then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                seen.add(item.get("type") + "/" + item.get("edition") + "/" + item.get("at"));
            }
            cursor = page.getString("nextCursor");
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(seen).hasSize(writers * writesEach).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(s -> s.startsWith("EDITION_PUBLISHED"))).hasSize(writers / 2 * writesEach);
    }
}
