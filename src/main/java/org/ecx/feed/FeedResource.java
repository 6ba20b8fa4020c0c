package org.ecx.feed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.Permission;
import org.ecx.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change feed for federation (SPEC §8). */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation")
public class FeedResource {

    @Inject
    AccessPolicy policy;

    @Inject
    FeedService service;

    @GET
    @Authorize(Permission.FEED_READ)
    @Operation(operationId = "readFeed", summary = "Changes visible to the caller's state, redacted for it, in commit order",
            description = "Follow nextCursor: a follower never misses or repeats a change, also while others write."
                    + " Revocations and status changes are changes. nextCursor is always present;"
                    + " caughtUp=false means more are ready now.")
    @APIResponseSchema(value = FeedPage.class, responseCode = "200")
    public Page<FeedItem> feed(@Parameter(description = "Opaque cursor from a previous page; absent: from the beginning")
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.read(policy.caller(), cursor, limit);
    }

    /** OpenAPI name of the feed's page (generic records have no schema of their own; paging: {@link Page}). */
    @Schema(name = "FeedPage")
    record FeedPage(@Schema(required = true) List<FeedItem> items) {
    }
}
