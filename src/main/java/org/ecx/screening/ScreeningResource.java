package org.ecx.screening;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pre-licence screening (SPEC §4). */
@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Screening")
public class ScreeningResource {

    @Inject
    AccessPolicy policy;

    @Inject
    ScreeningService service;

    @POST
    @Authorize(Permission.SCREENING)
    @Operation(operationId = "screenTransaction", summary = "Screen a proposed transaction against the denials visible to the caller, best match first",
            description = "Scores the party names (and aliases) against every denial visible to the caller and relates the screened control entries to the denied ones. Each match is explained in matchedOn and flags essentiallyIdentical and consultationRequired. The screening is audited (who and when, never whom).")
    @APIResponse(responseCode = "200", description = "Matches at or above the threshold")
    @APIResponse(responseCode = "422", description = "A screened name has no distinctive word")
    public ScreeningResult screen(
            @Parameter(description = "Also consider REVOKED denials") @QueryParam("includeRevoked") String includeRevoked,
            @Valid @NotNull ScreeningRequest request) {
        return service.screen(policy.caller(), request, flag(includeRevoked));
    }

    @POST
    @Path("/batch")
    @Authorize(Permission.SCREENING)
    @Operation(operationId = "screenTransactions", summary = "Up to 100 screenings in one request; results in the order of the screenings",
            description = "Screens up to 100 transactions in one request, each as POST /screenings would, in one audit event.")
    @APIResponse(responseCode = "200", description = "One result per screening")
    @APIResponse(responseCode = "422", description = "A screened name has no distinctive word")
    public ScreeningResult.Batch batch(
            @Parameter(description = "Also consider REVOKED denials") @QueryParam("includeRevoked") String includeRevoked,
            @Valid @NotNull ScreeningBatchRequest request) {
        return service.screenBatch(policy.caller(), request, flag(includeRevoked));
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw EcxException.invalid("includeRevoked", "must be true or false");
    }
}
