package org.ecx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tamper cases of ADR 0007 on the chain alone: what {@code GET /audit/verify} decides. */
class AuditChainVerifierTest {

    private static final AuditChain CHAIN = new AuditChain("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    private record Sealed(AuditChain.Link link, String hash) {
    }

    private static List<Sealed> chain(AuditChain chain, int n) {
        List<Sealed> events = new ArrayList<>();
        String previous = AuditChain.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            AuditChain.Link link = new AuditChain.Link(i, Instant.parse("2026-12-02T10:00:00Z").plusSeconds(i), "DE",
                    "de-officer-" + i, "DENIAL_READ", "DENIAL", "id-" + i, "FR", previous);
            String hash = chain.hash(link, 0);
            events.add(new Sealed(link, hash));
            previous = hash;
        }
        return events;
    }

    private static ChainVerification verify(List<Sealed> events, AuditChain.Point head, AuditChain.Point... kept) {
        AuditChain.Verifier v = CHAIN.new Verifier(0, List.of(kept));
        for (Sealed e : events) {
            if (!v.accept(e.link(), e.hash())) {
                break;
            }
        }
        return v.finish(head);
    }

    private static AuditChain.Point headOf(List<Sealed> events) {
        Sealed last = events.get(events.size() - 1);
        return new AuditChain.Point(last.link().seq(), last.hash());
    }

    @Test
    void anUntouchedChainVerifies() {
        List<Sealed> events = chain(CHAIN, 5);
        assertThat(verify(events, headOf(events), headOf(events))).isEqualTo(new ChainVerification(true, 5, null));
    }

    @Test
    void anEditedEventBreaksTheChainAtItsSeq() {
        List<Sealed> events = chain(CHAIN, 5);
        Sealed third = events.get(2);
        AuditChain.Link l = third.link();
        events.set(2, new Sealed(new AuditChain.Link(l.seq(), l.at(), l.actorState(), "someone-else", l.action(),
                l.recordType(), l.recordId(), l.ownerState(), l.previousHash()), third.hash()));
        assertThat(verify(events, headOf(events)).firstBrokenSeq()).isEqualTo(3L);
    }

    @Test
    void aDeletedMiddleEventBreaksTheChainWhereItWas() {
        List<Sealed> events = chain(CHAIN, 5);
        events.remove(1);
        assertThat(verify(events, headOf(events)).firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void aDeletedTailWithTheHeadRolledBackIsCaughtByTheLastCheckpoint() {
        List<Sealed> events = chain(CHAIN, 5);
        AuditChain.Point checkpoint = headOf(events);
        List<Sealed> shortened = events.subList(0, 3);
        // the head alone, rolled back as well, cannot tell
        assertThat(verify(shortened, headOf(shortened)).valid()).isTrue();
        ChainVerification v = verify(shortened, headOf(shortened), checkpoint);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(4L);
    }

    @Test
    void aDeletedTailIsCaughtByTheHead() {
        List<Sealed> events = chain(CHAIN, 5);
        assertThat(verify(events.subList(0, 4), headOf(events)).firstBrokenSeq()).isEqualTo(5L);
    }

    @Test
    void aChainReHashedWithoutTheKeyDoesNotVerify() {
        // whoever rewrites the chain without the key (here: with another key) cannot make it verify
        List<Sealed> forged = chain(new AuditChain("x".repeat(32).getBytes(StandardCharsets.UTF_8)), 5);
        assertThat(verify(forged, headOf(forged)).firstBrokenSeq()).isEqualTo(1L);
    }

    @Test
    void eventsSealedBeforeTheChainWasKeyedKeepTheirPlainHash() {
        AuditChain.Link link = new AuditChain.Link(1, Instant.parse("2026-01-01T00:00:00Z"), null, "ecx-system",
                "STATE_UPDATED", "STATE", "DE", "DE", AuditChain.GENESIS_HASH);
        assertThat(CHAIN.hash(link, 1)).isEqualTo(new AuditChain("y".repeat(32).getBytes(StandardCharsets.UTF_8))
                .hash(link, 1));
        assertThat(CHAIN.hash(link, 0)).isNotEqualTo(CHAIN.hash(link, 1));
    }
}
