package org.ecx.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: a versioned, base64url-encoded position; anything else a client sends is a 400. */
public final class Cursors {

    private static final String PREFIX = "ecx1:";

    private Cursors() {
    }

    public static String encode(String kind, String position) {
        String raw = PREFIX + kind + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of the given kind, or returns null for a null/blank cursor. */
    public static String decode(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String expected = PREFIX + kind + ":";
            if (raw.startsWith(expected)) {
                return raw.substring(expected.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw EcxException.invalid("cursor", "is not a cursor issued by this endpoint");
    }

    public static long decodeLong(String kind, String cursor, long ifAbsent) {
        String position = decode(kind, cursor);
        if (position == null) {
            return ifAbsent;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw EcxException.invalid("cursor", "is not a cursor issued by this endpoint");
        }
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
