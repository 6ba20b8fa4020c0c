package org.ecx.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.ecx.common.Cursors;
import org.ecx.sequencer.Sequencer;
import org.ecx.sequencer.SequencerNode;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.ecx.support.Feeds;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Writers in several states create and amend denials concurrently while a follower pages through the feed:
 * the follower must see every committed change visible to it exactly once, in commit order. Two sequencer
 * candidates compete for the advisory lock (this instance's and a second one, as another ECX instance would
 * run), and the active one loses its connection half-way: the other takes over (ADR 0007).
 */
@QuarkusTest
class FeedConcurrencyTest {

    private static final Logger LOG = Logger.getLogger(FeedConcurrencyTest.class);
    private static final List<String> WRITERS = List.of("DE", "FR", "US", "IN");
    private static final int DENIALS_PER_WRITER = 5;
    private static final String FOLLOWER = "JP";

    @Inject
    Sequencer sequencer;

    @Inject
    DataSource dataSource;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void aFollowerPagingDuringConcurrentWritesSeesEveryVisibleChangeExactlyOnceInOrderAcrossASequencerTakeover()
            throws Exception {
        String start = Feeds.endCursor();
        SequencerNode competitor = sequencer.newNode("competitor");
        competitor.start();
        AtomicInteger writesDone = new AtomicInteger();
        CountDownLatch halfWritten = new CountDownLatch(1);
        int totalWrites = WRITERS.size() * DENIALS_PER_WRITER;
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
                    if (writesDone.incrementAndGet() == totalWrites / 2) {
                        halfWritten.countDown();
                    }
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
        halfWritten.await(120, TimeUnit.SECONDS);
        SequencerNode active = sequencer.node().isLeader() ? sequencer.node() : competitor;
        assertThat(active.isLeader()).as("one candidate is the active sequencer").isTrue();
        assertThat(sequencer.node().isLeader() && competitor.isLeader()).as("never two").isFalse();
        terminate(active.backendPid()); // as if its instance died: PostgreSQL releases the advisory lock
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        long writeMillis = (System.nanoTime() - t0) / 1_000_000;
        List<JsonNode> seen = follower.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(sequencer.node().isLeader() || competitor.isLeader()).as("a sequencer took over").isTrue();
        competitor.stop();
        LOG.infof("feed concurrency: %d writes by %d writers in %d ms; follower read %d items; sequencer lag %s",
                WRITERS.size() * DENIALS_PER_WRITER * 2, WRITERS.size(), writeMillis, seen.size(),
                java.util.Arrays.toString(registry.get("ecx.sequencer.lag").timer().takeSnapshot().percentileValues()));

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
        Api.as("DE", "auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private void terminate(int backendPid) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(" + backendPid + ")");
        }
    }

    /** Cursors are opaque to clients; the test decodes them only to check the order. */
    private static long position(String cursor) {
        return Long.parseLong(Cursors.decode("feed", FOLLOWER, cursor));
    }
}
