package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

/**
 * Randomized leak test: every sensitive field of every denial carries a unique canary string; then every
 * demo state reads through every denial endpoint, and no canary may appear in a response to a state it was
 * not released to (while released canaries do appear, so the test can fail both ways). Half of the
 * denials are then amended with narrower releasability, and the history of the old versions must follow.
 */
@QuarkusTest
class DenialCanaryLeakTest {

    private static final String[] GROUPS = {"addresses", "identifiers", "rationale", "contact", "licence", "quantities"};

    record Planted(String id, String originator, String scope, String regime, List<String> states,
            Map<String, Object> releases, Map<String, String> canaryGroup) {
        boolean sees(String viewer) {
            return DenialFixtures.sees(originator, scope, regime, states, viewer);
        }

        boolean released(String group, String viewer) {
            if (viewer.equals(originator)) {
                return true;
            }
            Object r = releases.getOrDefault(group, "ORIGINATOR");
            if (r instanceof List<?> l) {
                return l.contains(viewer);
            }
            return "DISTRIBUTION".equals(r);
        }
    }

    @Test
    void noSensitiveCanaryReachesAStateItWasNotReleasedTo() {
        long seed = Long.getLong("canary.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Planted> planted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            planted.add(plant(random));
        }
        // narrow half of them: the new version releases nothing; old versions must not leak either
        List<Planted> effective = new ArrayList<>();
        for (Planted p : planted) {
            if (random.nextBoolean()) {
                effective.add(narrow(p));
            } else {
                effective.add(p);
            }
        }
        for (String viewer : DenialFixtures.STATES) {
            String seen = readEverything(viewer, effective);
            for (Planted p : effective) {
                for (Map.Entry<String, String> canary : p.canaryGroup().entrySet()) {
                    boolean allowed = p.sees(viewer) && p.released(canary.getValue(), viewer);
                    if (allowed) {
                        assertThat(seen).as("seed %d: %s should see %s of %s", seed, viewer, canary.getValue(), p.id())
                                .contains(canary.getKey());
                    } else {
                        assertThat(seen).as("seed %d: %s must not see %s of %s", seed, viewer, canary.getValue(), p.id())
                                .doesNotContain(canary.getKey());
                    }
                }
            }
        }
    }

    private Planted plant(Random random) {
        String originator = DenialFixtures.STATES.get(random.nextInt(5));
        String[] scopes = {"ALL_PARTNERS", "REGIME", "STATES", "ORIGINATOR"};
        String scope = scopes[random.nextInt(scopes.length)];
        String regime = scope.equals("REGIME") ? List.of("WA", "NSG", "AG", "MTCR", "EU").get(random.nextInt(5)) : null;
        List<String> states = null;
        if (scope.equals("STATES")) {
            states = new ArrayList<>();
            for (String s : DenialFixtures.STATES) {
                if (!s.equals(originator) && random.nextBoolean()) {
                    states.add(s);
                }
            }
            if (states.isEmpty()) {
                states.add(originator.equals("FR") ? "JP" : "FR");
            }
        }
        ObjectNode d = DenialFixtures.withScope(DenialFixtures.denial(), scope, regime, states);
        Map<String, Object> releases = new HashMap<>();
        if (!scope.equals("ORIGINATOR")) {
            for (String group : GROUPS) {
                int pick = random.nextInt(4);
                if (pick == 1) {
                    releases.put(group, "DISTRIBUTION");
                } else if (pick == 2) {
                    List<String> pool = states != null ? states : DenialFixtures.STATES;
                    releases.put(group, List.of(pool.get(random.nextInt(pool.size()))));
                } else if (pick == 3) {
                    releases.put(group, "ORIGINATOR");
                }
            }
            releases.forEach((g, v) -> DenialFixtures.release(d, g, v));
        }
        Map<String, String> canaries = fillCanaries(d);
        String id = Api.as(originator, "denial-officer").body(d.toString()).post("/api/v1/denials").then()
                .statusCode(201).extract().path("id");
        return new Planted(id, originator, scope, regime, states, releases, canaries);
    }

    private Planted narrow(Planted p) {
        String etag = Api.as(p.originator(), "denial-officer").get("/api/v1/denials/" + p.id()).then().statusCode(200)
                .extract().header("ETag");
        ObjectNode d = DenialFixtures.withScope(DenialFixtures.denial(), p.scope(), p.regime(), p.states());
        Map<String, String> newCanaries = fillCanaries(d);
        Api.as(p.originator(), "denial-officer").header("If-Match", etag).body(d.toString())
                .put("/api/v1/denials/" + p.id()).then().statusCode(200);
        Map<String, String> all = new HashMap<>(p.canaryGroup());
        all.putAll(newCanaries);
        // the current releasability (nothing released) now governs every version
        return new Planted(p.id(), p.originator(), p.scope(), p.regime(), p.states(), Map.of(), all);
    }

    private static Map<String, String> fillCanaries(ObjectNode d) {
        Map<String, String> canaries = new HashMap<>();
        ObjectNode party = (ObjectNode) d.get("parties").get(0);
        party.put("address", canary(canaries, "addresses"));
        party.putArray("identifiers").addObject().put("type", "REGISTRATION").put("value", canary(canaries, "identifiers"));
        d.put("rationale", canary(canaries, "rationale"));
        d.put("contact", canary(canaries, "contact"));
        d.put("licenceApplicationRef", canary(canaries, "licence"));
        ObjectNode item = (ObjectNode) d.get("items").get(0);
        item.put("quantity", canary(canaries, "quantities"));
        return canaries;
    }

    private static String canary(Map<String, String> canaries, String group) {
        String c = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        canaries.put(c, group);
        return c;
    }

    /** Every denial read path, as the viewer's licensing officer, denial officer and auditor. */
    private static String readEverything(String viewer, List<Planted> planted) {
        StringBuilder seen = new StringBuilder();
        for (String role : List.of("licensing-officer", "denial-officer")) {
            String cursor = null;
            do {
                var req = Api.as(viewer, role).queryParam("limit", 7);
                if (cursor != null) {
                    req = req.queryParam("cursor", cursor);
                }
                String page = req.get("/api/v1/denials").then().statusCode(200).extract().asString();
                seen.append(page);
                cursor = new JsonPath(page).getString("nextCursor");
            } while (cursor != null);
            for (Planted p : planted) {
                seen.append(Api.as(viewer, role).get("/api/v1/denials/" + p.id()).asString());
                seen.append(Api.as(viewer, role).get("/api/v1/denials/" + p.id() + "/history").asString());
            }
        }
        for (Planted p : planted) {
            seen.append(Api.as(viewer, "denial-officer").get("/api/v1/denials/" + p.id() + "/access-receipts").asString());
            seen.append(Api.as(viewer, "auditor").get("/api/v1/denials/" + p.id() + "/access-receipts").asString());
            seen.append(Api.as(viewer, "auditor").queryParam("recordId", p.id()).get("/api/v1/audit").asString());
        }
        return seen.toString();
    }
}
