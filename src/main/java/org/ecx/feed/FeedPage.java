package org.ecx.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the feed. Unlike list pages, {@code nextCursor} is always present: it is where to poll next. */
@Schema(name = "FeedPage")
public record FeedPage(
        @Schema(required = true) List<FeedItem> items,
        @Schema(required = true, description = "Opaque cursor to continue from (also when items is empty)")
        String nextCursor,
        @Schema(required = true, description = "True when the cursor reached the end of the feed as of this"
                + " request; false means more changes are ready: ask again at once") boolean caughtUp) {
}
