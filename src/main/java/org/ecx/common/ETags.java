package org.ecx.common;

import java.util.Arrays;

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
        String current = of(currentVersion);
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new EcxException(ErrorCode.PRECONDITION_FAILED,
                    "The record has changed since the given ETag; read it again and retry.");
        }
    }
}
