package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.RawHttp;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 2: errors raised below the resources (by the HTTP layer) are problem+json too. Sent over a
 * raw socket where HTTP clients refuse to send such requests.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    private static final String AUTH = "Authorization: Bearer ";

    private static void assertProblem(RawHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"status\":" + status).contains("\"type\":\"https://ecx.example/problems/");
    }

    @Test
    void aTooLongUriIsA414Problem() throws Exception {
        String token = TestTokens.token("DE", "auditor");
        assertProblem(RawHttp.send("GET /api/v1/audit?recordId=" + "a".repeat(10_000) + " HTTP/1.1\r\n" + AUTH + token,
                null), 414);
    }

    @Test
    void tooLargeHeadersAreA431Problem() throws Exception {
        String token = TestTokens.token("DE", "auditor");
        assertProblem(RawHttp.send("GET /api/v1/states HTTP/1.1\r\n" + AUTH + token + "\r\nX-Padding: "
                + "p".repeat(20_000), null), 431);
    }

    @Test
    void aBodyOverTheServerCeilingIsA413ProblemBeforeItIsRead() throws Exception {
        String token = TestTokens.token("DE", "denial-officer");
        assertProblem(RawHttp.send("POST /api/v1/denials HTTP/1.1\r\n" + AUTH + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (65L * 1024 * 1024), new byte[0]), 413);
    }

    @Test
    void aChunkedDenialOverTheEndpointLimitIsA413ProblemNotA400() {
        var denial = DenialFixtures.denial();
        denial.put("rationale", "r".repeat(6 * 1024 * 1024));
        String before = org.ecx.support.Feeds.endCursor();
        Api.as("DE", "denial-officer").body(new ByteArrayInputStream(denial.toString().getBytes())).post("/api/v1/denials")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertThat(org.ecx.support.Feeds.endCursor()).isEqualTo(before);
    }
}
