package org.ecx.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code X-ECX-Signature: sha256=<hex>} where hex is
 * HMAC-SHA256(secret, timestamp + "." + raw body) and timestamp is the {@code X-ECX-Timestamp} header (Unix
 * seconds). Signing the timestamp with the body lets a receiver reject replays: it verifies the signature, then
 * refuses timestamps older than a few minutes and delivery ids (X-ECX-Delivery) it has already processed.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-ECX-Signature";
    public static final String TIMESTAMP_HEADER = "X-ECX-Timestamp";
    public static final String DELIVERY_HEADER = "X-ECX-Delivery";
    public static final String EVENT_HEADER = "X-ECX-Event";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver does: constant-time comparison, and the timestamp within {@code toleranceSeconds} of now. */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
            long nowEpochSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowEpochSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}
