package org.ecx.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecx.denial.DenialReviewScheduler;
import org.ecx.support.Api;
import org.ecx.support.Sealing;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.ecx.support.RecognitionFixtures;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror client follows a hub's feed into JSON files that equal what the caller reads through the API. */
@QuarkusTest
class MirrorClientTest {

    private static final String STATE = "US";

    @TestHTTPResource("/")
    URI hub;

    @Inject
    DenialReviewScheduler scheduler;

    @TempDir
    Path dir;

    @Test
    void aMirrorHoldsTheLatestVersionOfEveryVisibleRecordAndResumesFromItsCursor() throws Exception {
        String visible = create("FR", DenialFixtures.denial());
        String hidden = create("FR", DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null, List.of("DE")));
        String revoked = create("DE", DenialFixtures.denial());
        Api.as("DE", "denial-officer").body("{\"reason\":\"withdrawn\"}")
                .post("/api/v1/denials/" + revoked + "/revocation").then().statusCode(200);
        String recognition = RecognitionFixtures.create("DE",
                RecognitionFixtures.recognition(STATE, "ORIGINATOR", null, null));
        RecognitionFixtures.status("DE", recognition, "ACTIVE");
        scheduler.markOverdue(); // the feed then also carries every overdue transition the API shows

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        MirrorClient mirror = new MirrorClient(hub, dir,
                () -> TestTokens.token(STATE, "federation-peer", "licensing-officer"), 100,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        MirrorClient.Summary first = mirror.syncOnce();
        assertThat(first.changes()).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[mirror] page 1:", "caught up");

        Map<String, JsonNode> denials = files("denial");
        Map<String, JsonNode> viaApi = listAll("/api/v1/denials");
        assertThat(denials.keySet()).containsExactlyInAnyOrderElementsOf(viaApi.keySet())
                .contains(visible, revoked).doesNotContain(hidden);
        viaApi.forEach((id, record) -> assertThat(denials.get(id)).as(id).isEqualTo(record));
        assertThat(denials.get(revoked).path("status").asText()).isEqualTo("REVOKED");

        Map<String, JsonNode> recognitions = files("recognition");
        Map<String, JsonNode> recognitionsViaApi = listAll("/api/v1/recognitions");
        assertThat(recognitions.keySet()).containsExactlyInAnyOrderElementsOf(recognitionsViaApi.keySet());
        recognitionsViaApi.forEach((id, record) -> assertThat(recognitions.get(id)).as(id).isEqualTo(record));
        assertThat(recognitions.get(recognition).path("status").asText()).isEqualTo("ACTIVE");

        // resumable: a second run starts from the saved cursor and picks up only what changed since
        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        assertThat(mirror.syncOnce().changes()).isZero();
        Api.as("FR", "denial-officer").body("{\"reason\":\"superseded\"}")
                .post("/api/v1/denials/" + visible + "/revocation").then().statusCode(200);
        MirrorClient restarted = new MirrorClient(hub, dir,
                () -> TestTokens.token(STATE, "federation-peer", "licensing-officer"), 100,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        assertThat(restarted.syncOnce().changes()).isEqualTo(1);
        assertThat(files("denial").get(visible).path("status").asText()).isEqualTo("REVOKED");
    }

    private static String create(String state, com.fasterxml.jackson.databind.node.ObjectNode body) {
        return Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    private Map<String, JsonNode> files(String type) throws Exception {
        Map<String, JsonNode> result = new HashMap<>();
        Path typeDir = dir.resolve(type);
        if (!Files.isDirectory(typeDir)) {
            return result;
        }
        try (Stream<Path> paths = Files.list(typeDir)) {
            for (Path p : paths.toList()) {
                String name = p.getFileName().toString();
                result.put(name.substring(0, name.length() - ".json".length()), Feeds.read(Files.readString(p)));
            }
        }
        return result;
    }

    private static Map<String, JsonNode> listAll(String path) {
        Map<String, JsonNode> result = new HashMap<>();
        String cursor = null;
        do {
            var spec = Api.as(STATE, "federation-peer", "licensing-officer").queryParam("limit", 500);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            JsonNode page = Feeds.read(spec.get(path).then().statusCode(200).extract().asString());
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            items.forEach(i -> result.put(i.path("id").asText(), i));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return result;
    }
}
