package org.ecx.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

/**
 * A write is sealed promptly after its commit, also when the active sequencer runs on another instance and
 * would not poll for a long time: this instance's standby tells it by NOTIFY (ADR 0007, amended).
 */
@QuarkusTest
class SealOnCommitTest {

    /** Far longer than any wait below: only a wake, never the poll, can make the active sequencer pass. */
    private static final Duration SLOW_POLL = Duration.ofSeconds(60);

    @Inject
    Sequencer sequencer;

    @Inject
    DataSource dataSource;

    @Test
    void aWriteOnAStandbyInstanceIsSealedPromptlyByTheActiveSequencerElsewhere() throws Exception {
        SequencerNode elsewhere = sequencer.newNode("elsewhere", SLOW_POLL);
        elsewhere.start();
        try {
            makeActive(elsewhere);
            assertThat(sequencer.node().isLeader()).as("this instance's candidate is a standby").isFalse();

            long start = System.nanoTime();
            String id = Api.as("DE", "denial-officer").body(DenialFixtures.denial().toString())
                    .post("/api/v1/denials").then().statusCode(201).extract().path("id");
            long committed = System.nanoTime();
            while (!sealed(id) && System.nanoTime() - committed < Duration.ofSeconds(15).toNanos()) {
                Thread.sleep(10);
            }
            long sealedAfterMs = (System.nanoTime() - committed) / 1_000_000;
            assertThat(sealed(id)).as("the denial's feed change and audit event are sealed").isTrue();
            // under a loaded CI machine a round trip can take a while, but never a poll interval
            assertThat(sealedAfterMs).as("sealed %d ms after the response (request took %d ms)", sealedAfterMs,
                    (committed - start) / 1_000_000).isLessThan(SLOW_POLL.toMillis() / 4);
        } finally {
            elsewhere.stop(); // this instance's candidate takes over again
        }
    }

    /** Ends this instance's candidate's session until {@code other} holds the lock (each try may go either way). */
    private void makeActive(SequencerNode other) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!other.isLeader()) {
            assertThat(System.nanoTime()).as("the other candidate took over in time").isLessThan(deadline);
            if (sequencer.node().isLeader()) {
                terminate(sequencer.node().backendPid());
            }
            Thread.sleep(50);
        }
    }

    private boolean sealed(String denialId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM feed_change WHERE record_id = ?"
                        + " AND seq IS NULL) + (SELECT count(*) FROM audit_event WHERE record_id = ? AND seq IS NULL),"
                        + " (SELECT count(*) FROM feed_change WHERE record_id = ?)")) {
            ps.setString(1, denialId);
            ps.setString(2, denialId);
            ps.setString(3, denialId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 && rs.getLong(2) > 0;
            }
        }
    }

    private void terminate(int backendPid) throws Exception {
        if (backendPid < 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(" + backendPid + ")");
        }
    }
}
