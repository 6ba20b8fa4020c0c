package org.ecx.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Writers in several states create and amend denials concurrently while a follower pages through the feed:
 * the follower must see every committed change visible to it exactly once, in commit order.
 */
@QuarkusTest
class FeedConcurrencyTest {

    private static final Logger LOG = Logger.getLogger(FeedConcurrencyTest.class);
    private static final List<String> WRITERS = List.of("DE", "FR", "US", "IN");
    private static final int DENIALS_PER_WRITER = 5;
    private static final String FOLLOWER = "JP";

    @Test
    void aFollowerPagingDuringConcurrentWritesSeesEveryVisibleChangeExactlyOnceInOrder() throws Exception {
        String start = Feeds.endCursor();
        Set<String> expected = ConcurrentHashMap.newKeySet();   // "id/version" visible to the follower
        Set<String> invisible = ConcurrentHashMap.newKeySet();  // ids the follower must never see
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS.size() + 1);
        List<Future<?>> writers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String state : WRITERS) {
            writers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < DENIALS_PER_WRITER; i++) {
                    boolean visible = i % 2 == 0;
                    ObjectNode body = visible ? DenialFixtures.denial()
                            : DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null,
                                    List.of(state.equals("DE") ? "FR" : "DE"));
                    String id = Api.as(state, "denial-officer").body(body.toString()).post("/api/v1/denials").then()
                            .statusCode(201).extract().path("id");
                    body.put("endUse", "amended " + i);
                    Api.as(state, "denial-officer").header("If-Match", "\"1\"").body(body.toString())
                            .put("/api/v1/denials/" + id).then().statusCode(200);
                    if (visible) {
                        expected.add(id + "/1");
                        expected.add(id + "/2");
                    } else {
                        invisible.add(id);
                    }
                }
                return null;
            }));
        }
        Future<List<JsonNode>> follower = pool.submit(() -> {
            List<JsonNode> seen = new ArrayList<>();
            String cursor = start;
            go.await();
            boolean lastRound = false;
            while (true) {
                boolean stillWriting = writing.get();
                Feeds.Drained page = Feeds.drain(FOLLOWER, cursor, 3);
                seen.addAll(page.items());
                cursor = page.cursor();
                if (lastRound) {
                    return seen;
                }
                lastRound = !stillWriting; // one more full pass after the writers finished
            }
        });
        go.countDown();
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        long writeMillis = (System.nanoTime() - t0) / 1_000_000;
        List<JsonNode> seen = follower.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        LOG.infof("feed concurrency: %d writes by %d writers in %d ms; follower read %d items",
                WRITERS.size() * DENIALS_PER_WRITER * 2, WRITERS.size(), writeMillis, seen.size());

        List<Long> positions = seen.stream().map(i -> position(i.path("cursor").asText())).toList();
        List<Long> sorted = new ArrayList<>(positions);
        Collections.sort(sorted);
        assertThat(positions).as("commit order, no repeats").isEqualTo(sorted).doesNotHaveDuplicates();

        List<String> ours = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (JsonNode i : seen) {
            String id = i.path("recordId").asText();
            seenIds.add(id);
            String key = id + "/" + i.path("version").asInt();
            if (expected.contains(key)) {
                ours.add(key);
            }
        }
        assertThat(ours).as("every visible change exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String id : expected.stream().map(k -> k.substring(0, k.indexOf('/'))).toList()) {
            assertThat(ours.indexOf(id + "/1")).as("creation before amendment").isLessThan(ours.indexOf(id + "/2"));
        }
        assertThat(seenIds).as("nothing invisible").doesNotContainAnyElementsOf(invisible);
    }

    /** Cursors are opaque to clients; the test decodes them only to check the order. */
    private static long position(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Long.parseLong(raw.substring(raw.lastIndexOf(':') + 1));
    }
}
