package org.ecx.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text, as lower-case hex (idempotency request hashes, verified-token cache keys). */
public final class Digests {

    /**
     * One digest per thread (reset by every {@code digest}): looking SHA-256 up ({@code MessageDigest.getInstance})
     * cost more than hashing a bearer token, which every authenticated request does (docs/benchmarks.md).
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private Digests() {
    }

    public static String sha256Hex(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset(); // nothing left over from an interrupted use
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
