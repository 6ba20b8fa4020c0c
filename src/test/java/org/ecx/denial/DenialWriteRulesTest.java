package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

/** Amendments with If-Match, idempotent creation, uniqueness and validation (nothing stored on failure). */
@QuarkusTest
class DenialWriteRulesTest {

    @Inject
    DataSource dataSource;

    private static String create(String state, ObjectNode body) {
        return Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    private long denialsWithReference(String state, String reference) throws Exception {
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM denial WHERE notifying_state = ? AND national_reference = ?")) {
            ps.setString(1, state);
            ps.setString(2, reference);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void creationAnswersWithLocationAndETagAndTakesTheStateFromTheToken() {
        Response r = Api.as("JP", "denial-officer").body(DenialFixtures.denial().toString()).post("/api/v1/denials");
        r.then().statusCode(201).header("ETag", "\"1\"").body("notifyingState", equalTo("JP"))
                .body("version", equalTo(1)).body("status", equalTo("ACTIVE")).body("redactions.size()", equalTo(0));
        assertThat(r.header("Location")).endsWith("/api/v1/denials/" + r.path("id"));
        // a notifyingState in the body is not accepted at all
        ObjectNode forged = DenialFixtures.denial();
        forged.put("notifyingState", "FR");
        Api.as("JP", "denial-officer").body(forged.toString()).post("/api/v1/denials").then().statusCode(400)
                .body("errors.field", hasItem("notifyingState"));
    }

    @Test
    void anAmendmentNeedsTheCurrentETag() {
        String id = create("DE", DenialFixtures.denial());
        ObjectNode changed = DenialFixtures.denial();
        changed.put("endUse", "Changed end use");
        Api.as("DE", "denial-officer").body(changed.toString()).put("/api/v1/denials/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        Api.as("DE", "denial-officer").header("If-Match", "\"7\"").body(changed.toString()).put("/api/v1/denials/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        Api.as("DE", "denial-officer").header("If-Match", "\"1\"").body(changed.toString()).put("/api/v1/denials/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("endUse", equalTo("Changed end use"))
                .body("version", equalTo(2));
        Api.as("DE", "denial-officer").header("If-Match", "\"1\"").body(changed.toString()).put("/api/v1/denials/" + id)
                .then().statusCode(412);
        Api.as("DE", "denial-officer").get("/api/v1/denials/" + id + "/history").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("changedBy", hasItem("de-denial-officer"));
        // other states see the versions but not who made them
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id + "/history").then().statusCode(200)
                .body("size()", equalTo(2)).body("changedBy", equalTo(java.util.Arrays.asList(null, null)));
    }

    @Test
    void ofConcurrentAmendmentsWithTheSameETagExactlyOneSucceeds() throws Exception {
        String id = create("US", DenialFixtures.denial());
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                ObjectNode body = DenialFixtures.denial();
                body.put("endUse", "writer " + i);
                tasks.add(() -> Api.as("US", "denial-officer").header("If-Match", "\"1\"").body(body.toString())
                        .put("/api/v1/denials/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(200);
            assertThat(statuses.stream().filter(s -> s == 412)).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        Api.as("US", "denial-officer").get("/api/v1/denials/" + id).then().body("version", equalTo(2));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        ObjectNode body = DenialFixtures.denial();
        String key = "retry-" + java.util.UUID.randomUUID();
        String first = Api.as("IN", "denial-officer").header("Idempotency-Key", key).body(body.toString())
                .post("/api/v1/denials").then().statusCode(201).extract().path("id");
        Api.as("IN", "denial-officer").header("Idempotency-Key", key).body(body.toString())
                .post("/api/v1/denials").then().statusCode(201).body("id", equalTo(first));
        ObjectNode other = body.deepCopy();
        other.put("endUse", "something else");
        Api.as("IN", "denial-officer").header("Idempotency-Key", key).body(other.toString())
                .post("/api/v1/denials").then().statusCode(409).contentType("application/problem+json");
        // the same key of another state is another key
        Api.as("FR", "denial-officer").header("Idempotency-Key", key).body(body.toString())
                .post("/api/v1/denials").then().statusCode(201).body("id", org.hamcrest.Matchers.not(equalTo(first)));
        long copies = Api.as("IN", "denial-officer").queryParam("notifyingState", "IN").queryParam("limit", 500)
                .get("/api/v1/denials").then().extract().jsonPath().getList("items.nationalReference")
                .stream().filter(body.get("nationalReference").asText()::equals).count();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyAllAnswerTheOneDenialTheyCreated() throws Exception {
        ObjectNode body = DenialFixtures.denial();
        String key = "concurrent-" + java.util.UUID.randomUUID();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                tasks.add(() -> Api.as("US", "denial-officer").header("Idempotency-Key", key).body(body.toString())
                        .post("/api/v1/denials").then().statusCode(201).extract().path("id"));
            }
            for (Future<String> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(writers).containsOnly(ids.get(0));
        assertThat(denialsWithReference("US", body.get("nationalReference").asText())).isEqualTo(1);
    }

    @Test
    void aNationalReferenceIsUniquePerState() {
        ObjectNode body = DenialFixtures.denial();
        create("DE", body);
        Api.as("DE", "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(409)
                .contentType("application/problem+json");
        create("FR", body);
    }

    @Test
    void ofConcurrentCreationsWithOneNationalReferenceExactlyOneIsStoredAndTheOthersAreConflicts() throws Exception {
        ObjectNode body = DenialFixtures.denial();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                tasks.add(() -> Api.as("JP", "denial-officer").body(body.toString()).post("/api/v1/denials")
                        .statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyOnce(201);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(writers - 1);
        assertThat(denialsWithReference("JP", body.get("nationalReference").asText())).isEqualTo(1);
    }

    @Test
    void aStateOutsideTheDistributionCannotEvenTellTheDenialExists() {
        String id = create("DE", DenialFixtures.withScope(DenialFixtures.denial(), "REGIME", "EU", null));
        ObjectNode body = DenialFixtures.denial();
        for (String path : List.of("", "/history", "/access-receipts")) {
            Api.as("JP", "denial-officer").get("/api/v1/denials/" + id + path).then().statusCode(404);
        }
        Api.as("JP", "denial-officer").header("If-Match", "\"1\"").body(body.toString()).put("/api/v1/denials/" + id)
                .then().statusCode(404);
        Api.as("JP", "denial-officer").post("/api/v1/denials/" + id + "/renewal").then().statusCode(404);
        Api.as("JP", "denial-officer").get("/api/v1/denials/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aStateRemovedFromARegimeLosesItsRegimeScopedDenials() {
        String id = create("FR", DenialFixtures.withScope(DenialFixtures.denial(), "REGIME", "NSG", null));
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
        String japan = "{\"name\":\"Japan\",\"active\":true,\"regimes\":%s}";
        Api.as("DE", "admin").body(japan.formatted("[\"WA\",\"AG\",\"MTCR\"]")).put("/api/v1/states/JP").then()
                .statusCode(200);
        try {
            Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(404);
            List<String> listed = Api.as("JP", "licensing-officer").queryParam("notifyingState", "FR")
                    .queryParam("limit", 500).get("/api/v1/denials").then().extract().jsonPath().getList("items.id");
            assertThat(listed).doesNotContain(id);
        } finally {
            Api.as("DE", "admin").body(japan.formatted("[\"WA\",\"NSG\",\"AG\",\"MTCR\"]")).put("/api/v1/states/JP")
                    .then().statusCode(200);
        }
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
    }

    @Test
    void invalidDenialsAreRejectedWithEveryBadFieldAndNothingIsStored() throws Exception {
        long[] before = counts();
        record Case(String name, Consumer<ObjectNode> change, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("bad control code", d -> ((ObjectNode) d.get("items").get(0)).put("controlEntry", "3A1"), 400,
                        "items[0].controlEntry"),
                new Case("injection in control code", d -> ((ObjectNode) d.get("items").get(0))
                        .put("controlEntry", "3A001'; DROP TABLE denial;--"), 400, "items[0].controlEntry"),
                new Case("unknown decision type", d -> d.put("decisionType", "MAYBE"), 400, "decisionType"),
                new Case("unknown party role", d -> ((ObjectNode) d.get("parties").get(0)).put("role", "FRIEND"), 400,
                        "parties[0].role"),
                new Case("bad country", d -> ((ObjectNode) d.get("parties").get(0)).put("country", "XX"), 400,
                        "parties[0].country"),
                new Case("no parties", d -> d.putArray("parties"), 400, "parties"),
                new Case("no items", d -> d.remove("items"), 400, "items"),
                new Case("unknown reason", d -> d.putArray("reasons").add("9"), 400, "reasons[0]"),
                new Case("huge rationale", d -> d.put("rationale", "x".repeat(10_001)), 400, "rationale"),
                new Case("wrong type", d -> d.put("decisionDate", 20260101), 400, "decisionDate"),
                new Case("future decision", d -> d.put("decisionDate", LocalDate.now().plusDays(30).toString()), 422,
                        "decisionDate"),
                new Case("unknown regime", d -> DenialFixtures.withScope(d, "REGIME", "XYZ", null), 422,
                        "distribution.regime"),
                new Case("regime scope without regime", d -> DenialFixtures.withScope(d, "REGIME", null, null), 422,
                        "distribution.regime"),
                new Case("unknown recipient", d -> DenialFixtures.withScope(d, "STATES", null, List.of("FR", "BR")), 422,
                        "distribution.states[1]"),
                new Case("release outside distribution", d -> DenialFixtures.release(
                        DenialFixtures.withScope(d, "STATES", null, List.of("FR")), "addresses", List.of("JP")), 422,
                        "releasability.addresses.states"),
                new Case("bad releasability keyword", d -> DenialFixtures.release(d, "contact", "EVERYONE"), 400,
                        "releasability.contact"),
                new Case("unknown list edition", d -> ((ObjectNode) d.get("items").get(0))
                        .put("listEdition", "SAMPLE-DU:1999-01"), 422, "items[0].listEdition"),
                new Case("entry not in the edition", d -> ((ObjectNode) d.get("items").get(0))
                        .put("controlEntry", "3A999"), 422, "items[0].controlEntry"),
                new Case("string for a number", d -> ((ObjectNode) d.get("items").get(0).get("value"))
                        .put("amount", "125000"), 400, "items[0].value.amount"),
                new Case("NUL in a party name", d -> ((ObjectNode) d.get("parties").get(0))
                        .put("name", "Romashka\u0000Trading"), 400, "parties[0].name"),
                new Case("negative value", d -> ((ObjectNode) d.get("items").get(0).get("value")).put("amount", -5), 400,
                        "items[0].value.amount"));
        for (Case c : cases) {
            ObjectNode d = DenialFixtures.denial();
            c.change().accept(d);
            Response r = Api.as("DE", "denial-officer").body(d.toString()).post("/api/v1/denials");
            assertThat(r.statusCode()).as(c.name() + ": " + r.asString()).isEqualTo(c.status());
            r.then().contentType("application/problem+json").body("errors.field", hasItem(c.field()));
        }
        // several bad fields are all listed
        ObjectNode many = DenialFixtures.denial();
        ((ObjectNode) many.get("items").get(0)).put("controlEntry", "ZZZ");
        ((ObjectNode) many.get("parties").get(0)).put("country", "xx");
        many.put("nationalReference", "");
        Api.as("DE", "denial-officer").body(many.toString()).post("/api/v1/denials").then().statusCode(400)
                .body("errors.field", hasItems("items[0].controlEntry", "parties[0].country", "nationalReference"));
        assertThat(counts()).as("denials, versions, audit events").containsExactly(before);
    }

    private long[] counts() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long[] result = new long[3];
            String[] tables = {"denial", "denial_version", "audit_event"};
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + tables[i])) {
                    rs.next();
                    result[i] = rs.getLong(1);
                }
            }
            return result;
        }
    }

    @Test
    void listsFilterByEntryHierarchyCountriesAndStatusAndPageInAStableOrder() {
        String since = null;
        List<String> created = new ArrayList<>();
        String[] entries = {"3A001", "3A001.a", "3A001.a.1", "3A001.a.1.b", "3A002", "5A002.a", "3A001.b"};
        for (String entry : entries) {
            ObjectNode d = DenialFixtures.denial();
            ((ObjectNode) d.get("items").get(0)).put("controlEntry", entry).remove("listEdition");
            ((ObjectNode) d.get("parties").get(0)).put("country", entry.startsWith("5") ? "BY" : "AE");
            Response r = Api.as("US", "denial-officer").body(d.toString()).post("/api/v1/denials");
            created.add(r.then().statusCode(201).extract().path("id"));
            since = since == null ? r.path("updatedAt") : since;
        }
        // 3A001.a matches itself, its ancestor 3A001 and its descendants, not siblings or other entries
        List<String> hits = listIds(Api.as("JP", "licensing-officer").queryParam("controlEntry", "3A001.a")
                .queryParam("notifyingState", "US").queryParam("updatedSince", since));
        assertThat(hits).containsExactly(created.get(0), created.get(1), created.get(2), created.get(3));
        assertThat(listIds(Api.as("JP", "licensing-officer").queryParam("partyCountry", "BY")
                .queryParam("notifyingState", "US").queryParam("updatedSince", since))).containsExactly(created.get(5));
        assertThat(listIds(Api.as("JP", "licensing-officer").queryParam("destinationCountry", "AE")
                .queryParam("status", "ACTIVE").queryParam("notifyingState", "US").queryParam("updatedSince", since)))
                .containsExactlyElementsOf(created);

        // pages of 3: every denial exactly once, in creation order
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = Api.as("IN", "licensing-officer").queryParam("notifyingState", "US")
                    .queryParam("updatedSince", since).queryParam("limit", 3);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            var page = req.get("/api/v1/denials").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);

        for (String bad : List.of("status=SLEEPING", "controlEntry=3A", "partyCountry=Germany", "updatedSince=yesterday",
                "limit=0", "cursor=abc")) {
            String[] kv = bad.split("=");
            Api.as("IN", "licensing-officer").queryParam(kv[0], kv[1]).get("/api/v1/denials").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(kv[0]));
        }
    }

    private static List<String> listIds(io.restassured.specification.RequestSpecification req) {
        return req.queryParam("limit", 500).get("/api/v1/denials").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    @Test
    void theNotifyingStateSeesWhichStatesReadItsDenial() {
        String id = create("DE", DenialFixtures.denial());
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
        Api.as("FR", "licensing-officer").get("/api/v1/denials/" + id + "/history").then().statusCode(200);
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
        Api.as("DE", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200); // own reads are not receipts

        for (String role : List.of("denial-officer", "auditor")) {
            Api.as("DE", role).get("/api/v1/denials/" + id + "/access-receipts").then().statusCode(200)
                    .body("state", equalTo(List.of("FR", "JP"))).body("reads", equalTo(List.of(2, 1)))
                    .body("[0].firstReadAt", org.hamcrest.Matchers.notNullValue());
        }
        Api.as("FR", "denial-officer").get("/api/v1/denials/" + id + "/access-receipts").then().statusCode(403);
        Api.as("DE", "licensing-officer").get("/api/v1/denials/" + id + "/access-receipts").then().statusCode(403);
        // the reads are audit events owned by DE, visible to DE's auditor
        List<String> actions = Api.as("DE", "auditor").queryParam("recordId", id).get("/api/v1/audit").then()
                .extract().jsonPath().getList("items.action");
        assertThat(actions).containsExactly("DENIAL_CREATED", "DENIAL_READ", "DENIAL_READ", "DENIAL_READ");
    }
}
