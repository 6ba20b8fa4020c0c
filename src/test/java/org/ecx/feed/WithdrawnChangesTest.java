package org.ecx.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.ecx.support.RecognitionFixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 7: a state that could see a denial or recognition and no longer can gets a WITHDRAWN change
 * carrying only the id, in its feed alone (the {@code ecx mirror} command deletes its copy then: cli/, EcxCliIT).
 */
@QuarkusTest
class WithdrawnChangesTest {

    private static List<JsonNode> withdrawn(String state, String cursor, String id) {
        return Feeds.about(Feeds.drain(state, cursor), id).stream()
                .filter(i -> i.path("changeType").asText().equals("WITHDRAWN")).toList();
    }

    @Test
    void narrowingADenialsDistributionWithdrawsItFromTheStatesThatLostIt() {
        String id = Api.as("DE", "denial-officer").body(DenialFixtures.withScope(DenialFixtures.denial(), "STATES",
                null, List.of("FR", "JP")).toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
        String cursor = Feeds.endCursor();

        Api.as("DE", "denial-officer").header("If-Match", "\"1\"").body(DenialFixtures.withScope(
                DenialFixtures.denial(), "STATES", null, List.of("FR")).toString()).put("/api/v1/denials/" + id)
                .then().statusCode(200);

        List<JsonNode> jp = withdrawn("JP", cursor, id);
        assertThat(jp).hasSize(1);
        assertThat(jp.get(0).path("recordType").asText()).isEqualTo("DENIAL");
        assertThat(jp.get(0).has("record")).as("only the id").isFalse();
        assertThat(jp.get(0).has("version")).isFalse();
        for (String other : List.of("DE", "FR", "US", "IN")) {
            assertThat(withdrawn(other, cursor, id)).as(other).isEmpty();
        }
        Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(404);

        // a reader who never saw it gets nothing; FR still sees the amendment
        assertThat(Feeds.about(Feeds.drain("FR", cursor), id)).extracting(i -> i.path("changeType").asText())
                .containsExactly("AMENDED");
    }

    @Test
    void aStateThatLeavesARegimeGetsAWithdrawnChangeForEachDenialAndRecognitionOfThatRegime() {
        String denial = Api.as("FR", "denial-officer").body(DenialFixtures.withScope(DenialFixtures.denial(), "REGIME",
                "NSG", null).toString()).post("/api/v1/denials").then().statusCode(201).extract().path("id");
        String own = Api.as("JP", "denial-officer").body(DenialFixtures.withScope(DenialFixtures.denial(), "REGIME",
                "NSG", null).toString()).post("/api/v1/denials").then().statusCode(201).extract().path("id");
        String recognition = RecognitionFixtures.create("DE", RecognitionFixtures.recognition("FR", "REGIME", "NSG",
                null));
        String cursor = Feeds.endCursor();
        try {
            Api.as("DE", "admin").body("{\"name\":\"Japan\",\"active\":true,\"regimes\":[\"AG\",\"MTCR\",\"WA\"]}")
                    .put("/api/v1/states/JP").then().statusCode(200);

            assertThat(withdrawn("JP", cursor, denial)).hasSize(1);
            assertThat(withdrawn("JP", cursor, recognition)).hasSize(1)
                    .allSatisfy(i -> assertThat(i.path("recordType").asText()).isEqualTo("RECOGNITION"));
            assertThat(withdrawn("JP", cursor, own)).as("its own denial stays visible").isEmpty();
            assertThat(withdrawn("US", cursor, denial)).isEmpty();

        } finally {
            Api.as("DE", "admin").body("{\"name\":\"Japan\",\"active\":true,\"regimes\":[\"AG\",\"MTCR\",\"NSG\",\"WA\"]}")
                    .put("/api/v1/states/JP").then().statusCode(200);
        }
    }
}
