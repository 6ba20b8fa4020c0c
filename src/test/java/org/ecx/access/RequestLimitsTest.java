package org.ecx.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.LimitsProfile;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Nothing shared is held while ECX waits on a client (issue 10): stalled bodies take no database connection
 * and end in 408; per-principal limits answer 429 with Retry-After, and never touch another principal.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class RequestLimitsTest {

    /** More than the connection pool holds (20): each stalled body used to keep one connection. */
    private static final int STALLED = 30;

    @TestHTTPResource("/")
    URL base;

    @Test
    void whileManyClientsStallTheirBodiesAnotherStatesRequestsStillSucceed() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                // distinct principals, so that the per-principal limit admits every one of them
                stalled.add(halfBody(TestTokens.tokenOf("de-officer-" + i, "DE", "denial-officer")));
            }
            Thread.sleep(500); // every stalled request has passed authorization and awaits its body
            for (int i = 0; i < 5; i++) {
                Api.as("FR", "licensing-officer").get("/api/v1/states/FR").then().statusCode(200);
                Api.as("FR", "licensing-officer").get("/api/v1/denials?limit=5").then().statusCode(200);
            }
            Api.as("FR", "denial-officer").body(DenialFixtures.denial().toString()).post("/api/v1/denials")
                    .then().statusCode(201);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aBodyThatStallsEndsIn408ProblemAndTheConnectionIsClosed() throws Exception {
        try (Socket socket = halfBody(TestTokens.tokenOf("de-slow", "DE", "denial-officer"))) {
            socket.setSoTimeout((LimitsProfile.BODY_TIMEOUT_SECONDS + 20) * 1000);
            long start = System.nanoTime();
            String response = readAll(socket.getInputStream());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(response).startsWith("HTTP/1.1 408");
            assertThat(response).containsIgnoringCase("content-type: application/problem+json");
            assertThat(response).contains("\"status\":408");
            assertThat(seconds).isGreaterThanOrEqualTo(LimitsProfile.BODY_TIMEOUT_SECONDS - 1);
        }
    }

    @Test
    void writesOverTheRateLimitGet429WithRetryAfterAndOtherPrincipalsAreUnaffected() {
        String flooder = TestTokens.tokenOf("de-flood-" + UUID.randomUUID(), "DE", "denial-officer");
        for (int i = 0; i < LimitsProfile.WRITE_BURST; i++) {
            Api.withToken(flooder).body(DenialFixtures.denial().toString()).post("/api/v1/denials")
                    .then().statusCode(201);
        }
        Response refused = Api.withToken(flooder).body(DenialFixtures.denial().toString()).post("/api/v1/denials");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // reads of the same principal are not writes; another principal of the same state writes freely
        Api.withToken(flooder).get("/api/v1/states/DE").then().statusCode(200);
        Api.withToken(TestTokens.tokenOf("de-calm-" + UUID.randomUUID(), "DE", "denial-officer"))
                .body(DenialFixtures.denial().toString()).post("/api/v1/denials").then().statusCode(201);
    }

    @Test
    void screeningsOverTheRateLimitGet429WithRetryAfter() {
        String officer = TestTokens.tokenOf("fr-screener-" + UUID.randomUUID(), "FR", "licensing-officer");
        String body = "{\"parties\":[{\"name\":\"Invented Example Trading\"}]}";
        for (int i = 0; i < LimitsProfile.SCREENING_BURST; i++) {
            Api.withToken(officer).body(body).post("/api/v1/screenings").then().statusCode(200);
        }
        Response refused = Api.withToken(officer).body(body).post("/api/v1/screenings");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void aFloodFromOnePrincipalDoesNotMakeAnotherStatesRequestsFail() throws Exception {
        String flooder = TestTokens.tokenOf("us-flood-" + UUID.randomUUID(), "US", "denial-officer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> flood = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                flood.add(pool.submit(() -> Api.withToken(flooder).body(DenialFixtures.denial().toString())
                        .post("/api/v1/denials").statusCode()));
            }
            for (int i = 0; i < 10; i++) {
                Api.as("IN", "licensing-officer").get("/api/v1/denials?limit=5").then().statusCode(200);
            }
            int refused = 0;
            for (Future<Integer> f : flood) {
                int s = f.get();
                assertThat(s).isIn(201, 429);
                refused += s == 429 ? 1 : 0;
            }
            assertThat(refused).isGreaterThan(0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Opens a connection that sends a POST /denials head and half of its body, then nothing more. */
    private Socket halfBody(String token) throws IOException {
        byte[] body = DenialFixtures.denial().toString().getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        String head = "POST /api/v1/denials HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
