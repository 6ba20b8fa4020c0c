package org.ecx.statistics;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public statistics (SPEC §10): no token, aggregate counts only. */
@Path("/api/v1/public/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public")
public class PublicStatisticsResource {

    @Inject
    StatisticsService service;

    @GET
    @Operation(operationId = "getPublicStatistics", summary = "Counts of denials by year, regime, category and reason (no token)",
            description = "A dated snapshot, computed once per period (ecx.statistics.period): only denials distributed"
                    + " to all partners, not revoked and notified before asOf; cells below 5, and the cells suppressed"
                    + " to protect them, are \"<5\".")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicStatistics.class)))
    public Response statistics() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(service.current()).cacheControl(cache).build();
    }
}
