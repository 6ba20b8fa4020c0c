package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

/** List cursors tell a state nothing about records it cannot see, and are useless to any other state (SPEC §2). */
@QuarkusTest
class CursorOpacityTest {

    private static String create(String state, com.fasterxml.jackson.databind.node.ObjectNode body) {
        return Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    /** This test's denials go to a destination no other test uses, so that it can list just them. */
    private static final String DESTINATION = "TV";

    private static com.fasterxml.jackson.databind.node.ObjectNode denial() {
        com.fasterxml.jackson.databind.node.ObjectNode d = DenialFixtures.denial();
        d.put("destinationCountry", DESTINATION);
        return d;
    }

    private static String hiddenFromJapan() {
        return create("FR", DenialFixtures.withScope(denial(), "STATES", null, List.of("DE")));
    }

    @Test
    void twoCursorsAroundInvisibleDenialsDoNotTellHowManyWereSkipped() {
        // Japan sees a, b and c; between them France writes 1 and then 25 denials that only Germany sees
        String a = create("FR", denial());
        hiddenFromJapan();
        String b = create("FR", denial());
        for (int i = 0; i < 25; i++) {
            hiddenFromJapan();
        }
        String c = create("FR", denial());
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        List<String> seen = new ArrayList<>();
        while (true) {
            var spec = Api.as("JP", "licensing-officer").queryParam("destinationCountry", DESTINATION)
                    .queryParam("limit", 1);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/denials").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
            if (seen.get(seen.size() - 1).equals(a) || seen.get(seen.size() - 1).equals(b)
                    || seen.get(seen.size() - 1).equals(c)) {
                cursors.add(cursor);
            }
        }
        assertThat(seen).containsSubsequence(a, b, c);
        assertThat(cursors).hasSizeGreaterThanOrEqualTo(2);
        // after a (1 hidden denial follows) and after b (25 follow): nothing to compare but noise of equal length
        assertThat(cursors.get(0)).hasSameSizeAs(cursors.get(1));
        assertThat(cursors.get(0)).isNotEqualTo(cursors.get(1));
    }

    @Test
    void aCursorOfAnotherStateOrATamperedCursorIsA400() {
        create("FR", denial());
        create("FR", denial());
        String cursor = Api.as("FR", "licensing-officer").queryParam("limit", 1).get("/api/v1/denials").then()
                .statusCode(200).extract().path("nextCursor");
        Api.as("FR", "licensing-officer").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/denials").then().statusCode(200);
        Api.as("DE", "licensing-officer").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/denials").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        Api.as("FR", "licensing-officer").queryParam("limit", 1).queryParam("cursor", new String(chars))
                .get("/api/v1/denials").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }
}
