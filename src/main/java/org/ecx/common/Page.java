package org.ecx.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one paging shape of the API (docs/federation.md, "Paging"; the {@code Paging} component of the contract):
 * {@code items}, {@code nextCursor} and {@code caughtUp}.
 * <ul>
 * <li>A finite list (denials, audit events, editions, ...) ends where {@code nextCursor} is absent; its last page
 * has {@code caughtUp=true}.</li>
 * <li>A feed (the federation feed, a control list's changes) never ends: {@code nextCursor} is always present,
 * also on an empty page, and is where to poll later; {@code caughtUp=false} means more items are ready now.</li>
 * </ul>
 * So every client loop is the same: read pages while {@code caughtUp} is false; keep {@code nextCursor} to resume.
 */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page of a finite list, always"
                + " present on a feed") String nextCursor,
        @Schema(required = true, description = "True when no more items are ready now") boolean caughtUp) {

    /** A page of a finite list: caught up exactly on its last page (no {@code nextCursor}). */
    public Page(List<T> items, String nextCursor) {
        this(items, nextCursor, nextCursor == null);
    }

    /** A page of a feed: {@code nextCursor} is always present, it is where to continue. */
    public static <T> Page<T> ofFeed(List<T> items, String nextCursor, boolean caughtUp) {
        if (nextCursor == null) {
            throw new IllegalArgumentException("a feed page always has a cursor to continue from");
        }
        return new Page<>(items, nextCursor, caughtUp);
    }
}
