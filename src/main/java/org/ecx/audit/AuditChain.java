package org.ecx.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit chain's hash (ADR 0007): HMAC-SHA256 under a key kept outside the database over every stored field
 * of a sealed event and the previous event's hash. Events sealed before the key existed ({@code seq <=
 * keyedAfter}, migration V7) keep their plain SHA-256. Without the key, a changed event cannot be re-hashed
 * into a chain that verifies.
 */
public final class AuditChain {

    public static final String GENESIS_HASH = "0".repeat(64);

    private final SecretKeySpec key;

    public AuditChain(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit hash key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The fields of a sealed event that its hash covers. */
    public record Link(long seq, Instant at, String actorState, String actor, String action, String recordType,
            String recordId, String ownerState, String previousHash) {
    }

    /** The hash of {@code link}: keyed for events sealed after {@code keyedAfter}. */
    public String hash(Link link, long keyedAfter) {
        byte[] canonical = canonical(link).getBytes(StandardCharsets.UTF_8);
        try {
            if (link.seq() <= keyedAfter) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Link e) {
        return String.join("\n",
                Long.toString(e.seq()),
                e.at() == null ? "" : e.at().truncatedTo(ChronoUnit.MICROS).toString(),
                nullToEmpty(e.actorState()),
                nullToEmpty(e.actor()),
                nullToEmpty(e.action()),
                nullToEmpty(e.recordType()),
                nullToEmpty(e.recordId()),
                nullToEmpty(e.ownerState()),
                nullToEmpty(e.previousHash()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A point of the chain an auditor kept: the hash it had at {@code seq}. */
    public record Point(long seq, String hash) {
    }

    /**
     * Verifies sealed events fed in ascending {@code seq} order: continuity (a deleted event), links and keyed
     * hashes (an edited or re-hashed event), then the end of the chain against the head and the checkpoints (a
     * deleted tail).
     */
    public final class Verifier {
        private final long keyedAfter;
        private final java.util.Map<Long, String> points = new java.util.HashMap<>();
        private long expectedSeq = 1;
        private String previous = GENESIS_HASH;
        private long checked;
        private Long broken;

        /**
         * @param mustContain points the chain must still contain unchanged: the latest stored checkpoint, a
         *     checkpoint the auditor kept
         */
        public Verifier(long keyedAfter, Iterable<Point> mustContain) {
            this.keyedAfter = keyedAfter;
            for (Point p : mustContain) {
                points.put(p.seq(), p.hash());
            }
        }

        /** Checks the next event; false once the chain is broken (further events are not looked at). */
        public boolean accept(Link e, String storedHash) {
            if (broken != null) {
                return false;
            }
            if (e.seq() != expectedSeq) {
                broken = Math.min(e.seq(), expectedSeq);
                return false;
            }
            String point = points.get(e.seq());
            if (!previous.equals(e.previousHash()) || !hash(e, keyedAfter).equals(storedHash)
                    || (point != null && !point.equals(storedHash))) {
                broken = e.seq();
                return false;
            }
            checked++;
            previous = storedHash;
            expectedSeq++;
            return true;
        }

        /** The last event checked, for the caller's next batch. */
        public long lastSeq() {
            return expectedSeq - 1;
        }

        /** The result, given the head the sequencer recorded. */
        public ChainVerification finish(Point head) {
            if (broken != null) {
                return new ChainVerification(false, checked, broken);
            }
            if (head != null && (head.seq() != lastSeq() || (head.seq() > 0 && !head.hash().equals(previous)))) {
                // events at the end of the chain were removed (or the head was rolled back past them)
                return new ChainVerification(false, checked, Math.min(head.seq(), lastSeq()) + 1);
            }
            for (long seq : points.keySet()) {
                if (seq > lastSeq()) {
                    // a checkpoint beyond the end: the tail was deleted and the head rolled back
                    return new ChainVerification(false, checked, lastSeq() + 1);
                }
            }
            return new ChainVerification(true, checked, null);
        }
    }
}
