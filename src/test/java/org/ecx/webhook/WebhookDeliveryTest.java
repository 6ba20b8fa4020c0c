package org.ecx.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ecx.support.Api;
import org.ecx.support.Sealing;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook push (docs/federation.md): the feed item of the subscriber's state, signed, retried, logged. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String SECRET = "s3cret-for-webhook-tests";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    TestClock clock;

    HttpServer server;
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Integer> plannedStatuses = new ConcurrentLinkedQueue<>();
    volatile CountDownLatch hold;

    record Received(Map<String, String> headers, byte[] body) {
        JsonNode json() {
            return Feeds.read(new String(body, StandardCharsets.UTF_8));
        }
    }

    private ExecutorService endpointThreads;

    @BeforeEach
    void startEndpoint() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpointThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(endpointThreads);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, body));
            Integer status = plannedStatuses.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
        drainPending();
    }

    @AfterEach
    void stopEndpoint() {
        hold = null;
        server.stop(0);
        endpointThreads.shutdownNow(); // HttpServer.stop leaves its executor's threads running
        clock.reset();
    }

    /**
     * Deactivates every earlier subscription of the test states so that only this test's endpoint gets calls, after
     * sealing every change committed so far: a subscription starts at the last sealed change, so a change earlier
     * tests committed but the sequencer had not sealed yet would reach this test's subscription too (under load the
     * seal lags; that made a count of 3 deliveries read 21 once).
     */
    private void drainPending() {
        Sealing.await();
        for (String state : List.of("JP", "US")) {
            for (String id : Api.as(state, "federation-peer").queryParam("limit", 500).get("/api/v1/subscriptions")
                    .then().statusCode(200).extract().jsonPath().<String>getList("items.id")) {
                Api.as(state, "federation-peer").delete("/api/v1/subscriptions/" + id).then().statusCode(204);
            }
        }
        dispatcher.deliverDue();
    }

    private String subscribe(String state, String... types) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        StringBuilder body = new StringBuilder("{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[");
        for (int i = 0; i < types.length; i++) {
            body.append(i > 0 ? "," : "").append('"').append(types[i]).append('"');
        }
        return Api.as(state, "federation-peer").body(body.append("]}").toString()).post("/api/v1/subscriptions")
                .then().statusCode(201).body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .body("url", equalTo(url)).extract().path("id");
    }

    private static String createDenial(String state, com.fasterxml.jackson.databind.node.ObjectNode body) {
        return Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aSubscriberGetsTheSignedFeedItemOfItsStateForVisibleChangesOfItsTypesOnly() {
        String start = Feeds.endCursor();
        String subscription = subscribe("JP", "DENIAL");
        String visible = createDenial("FR", DenialFixtures.denial());
        String invisible = createDenial("FR", DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null,
                List.of("DE")));
        org.ecx.support.RecognitionFixtures.create("DE",
                org.ecx.support.RecognitionFixtures.recognition("JP", "ALL_PARTNERS", null, null));

        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        assertThat(dispatcher.fanOut()).isEqualTo(1);
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(1);
        Received r = received.poll();
        long now = Instant.now().getEpochSecond();
        assertThat(WebhookSignature.verify(SECRET, r.headers().get("x-ecx-timestamp"), r.body(),
                r.headers().get("x-ecx-signature"), now, 300)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-entirely", r.headers().get("x-ecx-timestamp"), r.body(),
                r.headers().get("x-ecx-signature"), now, 300)).isFalse();
        assertThat(r.headers().get("x-ecx-event")).isEqualTo("DENIAL.CREATED");
        JsonNode pushed = r.json();
        assertThat(pushed.path("recordId").asText()).isEqualTo(visible);
        assertThat(pushed.path("record").has("rationale")).isFalse();
        JsonNode fromFeed = Feeds.about(Feeds.drain("JP", start), visible).get(0);
        assertThat(pushed).isEqualTo(fromFeed);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(invisible);

        JsonPath log = Api.as("JP", "federation-peer").get("/api/v1/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.status")).containsExactly("DELIVERED");
        assertThat(log.getString("items[0].id")).isEqualTo(r.headers().get("x-ecx-delivery"));
        // the push was a read of France's denial by Japan
        assertThat(Api.as("FR", "denial-officer").get("/api/v1/denials/" + visible + "/access-receipts").then()
                .statusCode(200).extract().jsonPath().<String>getList("state")).contains("JP");

        Api.as("DE", "federation-peer").get("/api/v1/subscriptions/" + subscription).then().statusCode(404);
        Api.as("DE", "federation-peer").get("/api/v1/subscriptions/" + subscription + "/deliveries").then()
                .statusCode(404);
        Api.as("JP", "federation-peer").get("/api/v1/subscriptions/" + subscription).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void aFailedDeliveryIsRetriedWithExponentialBackoffAndLogged() {
        clock.set(Instant.now());
        String subscription = subscribe("US", "DENIAL");
        createDenial("FR", DenialFixtures.denial());
        plannedStatuses.add(500);
        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        dispatcher.fanOut();
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        JsonPath log = Api.as("US", "federation-peer").get("/api/v1/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(log.getInt("items[0].lastStatus")).isEqualTo(500);
        assertThat(Instant.parse(log.getString("items[0].nextAttemptAt")))
                .isEqualTo(Instant.parse(log.getString("items[0].lastAttemptAt")).plus(Duration.ofSeconds(30)));

        assertThat(dispatcher.deliverDue()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(2);
        Api.as("US", "federation-peer").get("/api/v1/subscriptions/" + subscription + "/deliveries").then()
                .statusCode(200).body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2));

        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(dispatcher.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aHangingEndpointNeverBlocksWritersAndTwoDispatchersNeverSendTheSameDelivery() throws Exception {
        subscribe("JP", "DENIAL");
        createDenial("FR", DenialFixtures.denial());
        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        dispatcher.fanOut();
        hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> stuck = pool.submit(dispatcher::deliverDue);
        long t0 = System.nanoTime();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(createDenial("FR", DenialFixtures.denial()));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        Sealing.await(); // the feed serves sealed changes only (ADR 0007)
        dispatcher.fanOut();
        // a second dispatcher meanwhile finds nothing to send: the subscription's oldest delivery is claimed
        assertThat(dispatcher.deliverDue()).isZero();
        hold.countDown();
        assertThat(stuck.get(30, TimeUnit.SECONDS)).isEqualTo(1);

        Future<Integer> a = pool.submit(this::deliverAll);
        Future<Integer> b = pool.submit(this::deliverAll);
        assertThat(a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        pool.shutdown();
        List<String> deliveryIds = received.stream().map(x -> x.headers().get("x-ecx-delivery")).toList();
        assertThat(deliveryIds).hasSize(4).doesNotHaveDuplicates();
        assertThat(received.stream().skip(1).map(x -> x.json().path("recordId").asText()).toList())
                .containsExactlyElementsOf(written);
    }

    private int deliverAll() {
        int total = 0;
        for (int round = 0; round < 50; round++) {
            total += dispatcher.deliverDue();
        }
        return total;
    }

    @Test
    void onlyHttpUrlsAreAcceptedAndNonPublicAddressesAreRecognized() throws Exception {
        for (String url : List.of("ftp://127.0.0.1/hook", "file:///etc/passwd", "http://user:pw@127.0.0.1/hook",
                "not a url", "/relative")) {
            Api.as("JP", "federation-peer").body("{\"url\":\"" + url + "\",\"secret\":\"" + SECRET
                    + "\",\"eventTypes\":[\"DENIAL\"]}").post("/api/v1/subscriptions").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem("url"));
        }
        Api.as("JP", "federation-peer").body("{\"url\":\"https://example.org/h\",\"secret\":\"short\","
                + "\"eventTypes\":[\"DENIAL\"]}").post("/api/v1/subscriptions").then().statusCode(400);
        Api.as("JP", "licensing-officer").get("/api/v1/subscriptions").then().statusCode(403);
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1")) {
            assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
    }
}
