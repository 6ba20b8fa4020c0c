package org.ecx.common;


/**
 * Strong entity tags built from record versions, and the {@code If-Match} rules of SPEC §3: a write that
 * requires a precondition gets 428 without {@code If-Match} and 412 when no listed tag matches.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Whether a conditional header ({@code If-Match}, {@code If-None-Match}: {@code *} or a comma-separated list
     * of entity tags) names {@code etag}. {@code If-Match} uses the strong comparison, so a weak tag never
     * matches; {@code If-None-Match} uses the weak one, ignoring a {@code W/} prefix (RFC 9110 §13.1).
     */
    public static boolean matches(String header, String etag, boolean weak) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Checks a required {@code If-Match} header against the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EcxException(ErrorCode.PRECONDITION_REQUIRED,
                    "This write requires an If-Match header with the record's current ETag.");
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** Checks an optional {@code If-Match} header: absent means unconditional. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!matches(ifMatch, of(currentVersion), false)) {
            throw new EcxException(ErrorCode.PRECONDITION_FAILED,
                    "The record has changed since the given ETag; read it again and retry.");
        }
    }
}
