package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.support.DenialFixtures.denial;
import static org.ecx.support.DenialFixtures.release;
import static org.ecx.support.DenialFixtures.withScope;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §2 as a table: distribution scope × viewer state × sensitive field → visible, redacted or 404.
 * DE notifies one denial per scope with: addresses released to FR, identifiers to nobody (default),
 * rationale to the distribution, contact to the originator, licence to the distribution, quantities to JP.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenialVisibilityAndRedactionTest {

    record Scope(String name, String scope, String regime, List<String> states) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Scope> SCOPES = List.of(
            new Scope("ORIGINATOR", "ORIGINATOR", null, null),
            new Scope("STATES[FR,JP]", "STATES", null, List.of("FR", "JP")),
            new Scope("REGIME NSG", "REGIME", "NSG", null),
            new Scope("REGIME EU", "REGIME", "EU", null),
            new Scope("ALL_PARTNERS", "ALL_PARTNERS", null, null));

    /** Expected releases to a non-originator that sees the denial (ORIGINATOR scope releases nothing). */
    static boolean released(String field, String viewer, Scope scope) {
        boolean restricted = scope.scope().equals("ORIGINATOR");
        return switch (field) {
            case "address" -> !restricted && viewer.equals("FR");
            case "identifiers", "contact" -> false;
            case "rationale", "licenceApplicationRef" -> !restricted;
            case "quantity", "value" -> !restricted && viewer.equals("JP");
            default -> throw new IllegalArgumentException(field);
        };
    }

    final Map<String, String> ids = new java.util.HashMap<>();

    /** Created on first use: REST Assured knows the (random) test port only once a test runs. */
    synchronized void notifyOneDenialPerScope() {
        if (!ids.isEmpty()) {
            return;
        }
        for (Scope s : SCOPES) {
            ObjectNode d = withScope(denial(), s.scope(), s.regime(), s.states());
            if (!s.scope().equals("ORIGINATOR")) {
                release(d, "addresses", List.of("FR"));
                release(d, "rationale", "DISTRIBUTION");
                release(d, "contact", "ORIGINATOR");
                release(d, "licence", "DISTRIBUTION");
                release(d, "quantities", List.of("JP"));
            }
            String id = Api.as("DE", "denial-officer").body(d.toString()).post("/api/v1/denials").then()
                    .statusCode(201).extract().path("id");
            ids.put(s.name(), id);
        }
    }

    static Stream<Arguments> scopeAndViewer() {
        List<Arguments> args = new ArrayList<>();
        for (Scope s : SCOPES) {
            for (String viewer : DenialFixtures.STATES) {
                args.add(Arguments.of(s, viewer));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} seen by {1}")
    @MethodSource("scopeAndViewer")
    void eachStateSeesExactlyTheFieldsReleasedToIt(Scope scope, String viewer) {
        notifyOneDenialPerScope();
        String id = ids.get(scope.name());
        boolean sees = DenialFixtures.sees("DE", scope.scope(), scope.regime(), scope.states(), viewer);
        Response get = Api.as(viewer, "licensing-officer").get("/api/v1/denials/" + id);
        Response history = Api.as(viewer, "licensing-officer").get("/api/v1/denials/" + id + "/history");
        List<String> listed = listedIds(viewer);
        if (!sees) {
            assertThat(get.statusCode()).isEqualTo(404);
            assertThat(history.statusCode()).isEqualTo(404);
            Response missing = Api.as(viewer, "licensing-officer").get("/api/v1/denials/" + java.util.UUID.randomUUID());
            assertThat(get.asString()).as("invisible is identical to missing").isEqualTo(missing.asString());
            assertThat(listed).doesNotContain(id);
            return;
        }
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(listed).contains(id);
        JsonPath body = get.jsonPath();
        JsonPath version1 = new JsonPath(history.then().statusCode(200).extract().jsonPath().prettify())
                .setRootPath("[0].denial");
        for (JsonPath view : List.of(body, version1)) {
            assertFields(view, scope, viewer);
        }
    }

    private void assertFields(JsonPath view, Scope scope, String viewer) {
        boolean originator = viewer.equals("DE");
        List<String> redactions = view.getList("redactions");
        Map<String, String> paths = Map.of(
                "address", "parties[0].address", "identifiers", "parties[0].identifiers",
                "rationale", "rationale", "contact", "contact", "licenceApplicationRef", "licenceApplicationRef",
                "quantity", "items[0].quantity", "value", "items[0].value");
        for (Map.Entry<String, String> field : paths.entrySet()) {
            boolean visible = originator || released(field.getKey(), viewer, scope);
            Object value = view.get(field.getValue());
            if (visible) {
                assertThat(value).as(field.getValue() + " visible to " + viewer).isNotNull();
                assertThat(redactions).doesNotContain(field.getValue());
            } else {
                assertThat(value).as(field.getValue() + " absent for " + viewer).isNull();
                assertThat(redactions).contains(field.getValue());
            }
        }
        // co-recipients and releasability lists: originator only
        assertThat(view.getString("distribution.scope")).isEqualTo(scope.scope());
        if (originator) {
            assertThat(view.getString("distribution.regime")).isEqualTo(scope.regime());
            assertThat(view.getMap("releasability")).isNotNull();
        } else {
            assertThat(view.getMap("distribution")).containsOnlyKeys("scope");
            assertThat(view.getMap("releasability")).isNull();
        }
        // non-sensitive fields are always there
        assertThat(view.getString("parties[0].name")).isEqualTo("Romashka Trading LLC");
        assertThat(view.getString("items[0].controlEntry")).isEqualTo("3A001.a.1");
    }

    private static List<String> listedIds(String viewer) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var req = Api.as(viewer, "licensing-officer").queryParam("notifyingState", "DE").queryParam("limit", 200);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/denials").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }
}
