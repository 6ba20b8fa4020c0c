package org.ecx.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque cursors: the position, encrypted and authenticated (AES-GCM, JDK) with the deployment's cursor key
 * ({@code ecx.cursors.key}, set by {@link CursorKey}) and bound to the endpoint's kind and, where what a caller
 * sees depends on its state, to that state. A cursor reveals nothing (no sequence numbers, so no count of
 * records the caller cannot see between two of its own), and one issued to another state, another endpoint or
 * another deployment, or altered, is a 400.
 */
public final class Cursors {

    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Positions are padded to a multiple of this, so that a cursor's length tells nothing about the position. */
    private static final int PAD = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Keys keys;
    /**
     * One decrypting AES-GCM cipher per thread, initialised again for every cursor: looking the cipher up
     * ({@code Cipher.getInstance}) was the largest part of a cursor's cost on the feed's empty poll
     * (docs/benchmarks.md). Encryption keeps a fresh cipher per cursor: the JDK refuses to encrypt twice with one
     * GCM cipher and the same nonce, which the same position gives by design.
     */
    private static final ThreadLocal<Cipher> DECRYPTING = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The AES key, and a key derived from it that makes the nonce (a synthetic IV, as in AES-GCM-SIV). */
    private record Keys(SecretKeySpec aes, SecretKeySpec nonce) {
        static Keys of(byte[] aesKey) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(aesKey, "HmacSHA256"));
                byte[] nonceKey = mac.doFinal("ecx-cursor-nonce".getBytes(StandardCharsets.UTF_8));
                return new Keys(new SecretKeySpec(aesKey.clone(), "AES"), new SecretKeySpec(nonceKey, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Cursors() {
    }

    /** Sets the deployment's key (16 or 32 bytes); called once at startup. */
    public static void useKey(byte[] aesKey) {
        if (aesKey.length != 16 && aesKey.length != 32) {
            throw new IllegalArgumentException("the cursor key must have 16 or 32 bytes");
        }
        keys = Keys.of(aesKey);
    }

    private static Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (Cursors.class) {
                if (keys == null) {
                    byte[] generated = new byte[32];
                    RANDOM.nextBytes(generated);
                    keys = Keys.of(generated);
                }
                k = keys;
            }
        }
        return k;
    }

    /** A cursor of a list that every caller sees alike (e.g. control lists). */
    public static String encode(String kind, String position) {
        return encode(kind, "", position);
    }

    /**
     * A cursor usable only by {@code viewer} (a state code) on the endpoint {@code kind}. The same position gives
     * the same cursor (the nonce is derived from it), so that a page keeps its ETag; distinct positions never
     * share a nonce.
     */
    public static String encode(String kind, String viewer, String position) {
        try {
            Keys k = keys();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(k.nonce());
            mac.update(associated(kind, viewer));
            mac.update((byte) 0); // neither part contains a NUL: no two (kind, viewer, position) give one input
            byte[] plain = position.getBytes(StandardCharsets.UTF_8);
            byte[] nonce = java.util.Arrays.copyOf(mac.doFinal(plain), NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.aes(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(kind, viewer));
            byte[] padded = java.util.Arrays.copyOf(plain, (plain.length / PAD + 1) * PAD);
            byte[] sealed = cipher.doFinal(padded);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes a cursor of the given kind, or returns null for a null/blank cursor. */
    public static String decode(String kind, String cursor) {
        return decode(kind, "", cursor);
    }

    /** Decodes a cursor issued by {@link #encode(String, String, String)} to {@code viewer}, or null when blank. */
    public static String decode(String kind, String viewer, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length > 1 + NONCE_BYTES && raw[0] == VERSION) {
                Cipher cipher = DECRYPTING.get();
                cipher.init(Cipher.DECRYPT_MODE, keys().aes(), new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
                cipher.updateAAD(associated(kind, viewer));
                byte[] padded = cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
                int end = padded.length;
                while (end > 0 && padded[end - 1] == 0) {
                    end--;
                }
                return new String(padded, 0, end, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException | AEADBadTagException e) {
            // not base64, or not issued to this viewer for this endpoint by this deployment: fall through
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        throw EcxException.invalid("cursor", "is not a cursor issued by this endpoint");
    }

    public static long decodeLong(String kind, String cursor, long ifAbsent) {
        return decodeLong(kind, "", cursor, ifAbsent);
    }

    public static long decodeLong(String kind, String viewer, String cursor, long ifAbsent) {
        String position = decode(kind, viewer, cursor);
        if (position == null) {
            return ifAbsent;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw EcxException.invalid("cursor", "is not a cursor issued by this endpoint");
        }
    }

    private static byte[] associated(String kind, String viewer) {
        return ("ecx-cursor\n" + kind + "\n" + (viewer == null ? "" : viewer)).getBytes(StandardCharsets.UTF_8);
    }

    /** The effective page size (query parameters are taken as text so that a bad value is a 400, not a 404): the default when absent, capped at the configured maximum, at least 1. */
    public static int limit(String requestedText, EcxConfig config) {
        if (requestedText == null || requestedText.isBlank()) {
            return config.paging().defaultLimit();
        }
        int requested;
        try {
            requested = Integer.parseInt(requestedText.trim());
        } catch (NumberFormatException e) {
            throw EcxException.invalid("limit", "must be a whole number");
        }
        if (requested < 1) {
            throw EcxException.invalid("limit", "must be at least 1");
        }
        return Math.min(requested, config.paging().maxLimit());
    }
}
