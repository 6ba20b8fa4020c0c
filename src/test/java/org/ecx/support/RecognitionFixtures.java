package org.ecx.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds recognition request bodies for tests. */
public final class RecognitionFixtures {

    private RecognitionFixtures() {
    }

    /** DE-style record recognizing {@code recognized}: 3A001 and category-group 5A, INDIVIDUAL licences, not to IR. */
    public static ObjectNode recognition(String recognized, String scope, String regime, List<String> states) {
        ObjectNode r = DenialFixtures.JSON.createObjectNode();
        r.put("recognizedState", recognized);
        r.put("instrument", "Arrangement " + DenialFixtures.uniqueReference());
        ObjectNode s = r.putObject("scope");
        s.putArray("controlEntries").add("3A001").add("5A");
        s.putArray("licenceTypes").add("INDIVIDUAL");
        s.putArray("excludedDestinations").add("IR");
        r.put("conditions", "End-user certificate required");
        r.put("effectiveFrom", "2026-01-01");
        r.put("effectiveTo", "2026-12-31");
        ObjectNode dist = r.putObject("distribution");
        dist.put("scope", scope);
        if (regime != null) {
            dist.put("regime", regime);
        }
        if (states != null) {
            states.forEach(dist.putArray("states")::add);
        }
        return r;
    }

    /** Creates a recognition as {@code state}'s recognition officer and returns its id. */
    public static String create(String state, ObjectNode body) {
        return Api.as(state, "recognition-officer").body(body.toString()).post("/api/v1/recognitions").then()
                .statusCode(201).extract().path("id");
    }

    public static void status(String state, String id, String status) {
        Api.as(state, "recognition-officer").body("{\"status\":\"" + status + "\"}")
                .post("/api/v1/recognitions/" + id + "/status").then().statusCode(200);
    }
}
