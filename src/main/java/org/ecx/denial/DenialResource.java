package org.ecx.denial;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.Permission;
import org.ecx.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ecx.audit.AccessReceipt;

/** Denial notifications (SPEC §3). */
@Path("/api/v1/denials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Denials")
public class DenialResource {

    @Inject
    AccessPolicy policy;

    @Inject
    DenialWrites writes;

    @Inject
    DenialQueries queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.DENIAL_CREATE)
    @Operation(operationId = "createDenial", summary = "Notify a denial (the notifying state is the caller's)",
            description = "Records a denial notification of the caller's state with its distribution and field releasability. Idempotency-Key makes retries safe; the national reference is unique per state.")
    @APIResponse(responseCode = "201", description = "Created (or the first result of an idempotent retry)",
            headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = DenialView.class)))
    @APIResponse(responseCode = "409", description = "Duplicate national reference, or Idempotency-Key reused with another body")
    @APIResponse(responseCode = "422", description = "Inconsistent denial (unknown regime, distribution, dates)")
    public Response create(
            @Parameter(description = "Retries with the same key and body return the first result")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull DenialRequest request, @Context UriInfo uri) {
        DenialWrites.Written written = writes.create(policy.caller(), request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(written.view().id().toString()).build())
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(written.view().version())))
                .entity(written.view()).build();
    }

    @GET
    @Authorize(Permission.DENIAL_READ)
    @Operation(operationId = "listDenials", summary = "Denials visible to the caller, redacted for it, in a stable order",
            description = "Denials visible to the caller, each redacted for it, filtered by status, notifying state, control entry or party country, paged with nextCursor. Reads of other states' denials are audited.")
    public Page<DenialView> list(
            @Parameter(description = "ACTIVE, REVIEW_OVERDUE, RENEWED or REVOKED") @QueryParam("status") String status,
            @QueryParam("notifyingState") String notifyingState,
            @Parameter(description = "Matches the entry, its ancestors and its descendants")
            @QueryParam("controlEntry") String controlEntry,
            @QueryParam("partyCountry") String partyCountry,
            @QueryParam("destinationCountry") String destinationCountry,
            @Parameter(description = "ISO-8601 instant") @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queries.list(policy.caller(), new DenialFilter(status, notifyingState, controlEntry, partyCountry,
                destinationCountry, updatedSince, limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Authorize(Permission.DENIAL_READ)
    @Operation(operationId = "getDenial", summary = "One denial, redacted for the caller",
            description = "One denial, redacted for the caller, with an ETag for If-Match. A denial the caller may not see is a 404 identical to a missing one. Reading another state's denial is audited.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DenialView.class)))
    public Response get(@PathParam("id") String id) {
        DenialView view = queries.get(policy.caller(), id);
        return withTag(view);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.DENIAL_AMEND)
    @Operation(operationId = "amendDenial", summary = "Amend a denial of the caller's state (a new version)",
            description = "Creates a new version of a denial of the caller's state; requires If-Match with the current ETag (428 without, 412 when stale).")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DenialView.class)))
    @APIResponse(responseCode = "409", description = "Revoked, or duplicate national reference")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response amend(@PathParam("id") String id,
            @Parameter(required = true, description = "ETag of the version being amended")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DenialRequest request) {
        return withTag(writes.amend(policy.caller(), id, ifMatch, request));
    }

    @GET
    @Path("/{id}/history")
    @Authorize(Permission.DENIAL_READ)
    @Operation(operationId = "getDenialHistory", summary = "Every version of a denial, each redacted for the caller",
            description = "Every version of a denial, oldest first, each redacted by the intersection of that version's and the current releasability.")
    public List<DenialHistoryEntry> history(@PathParam("id") String id) {
        return queries.history(policy.caller(), id);
    }

    @POST
    @Path("/{id}/renewal")
    @Authorize(Permission.DENIAL_RENEW)
    @Operation(operationId = "renewDenial", summary = "Record a completed review: the denial stays valid, reviewDueAt moves 3 years on",
            description = "Records a completed review of a denial of the caller's state; requires If-Match.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DenialView.class)))
    @APIResponse(responseCode = "409", description = "The denial is revoked")
    @APIResponse(responseCode = "412", description = "If-Match given and stale")
    public Response renew(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(writes.renew(policy.caller(), id, ifMatch));
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.DENIAL_REVOKE)
    @Operation(operationId = "revokeDenial", summary = "Revoke a denial; it stays readable with status REVOKED",
            description = "Revokes a denial of the caller's state with a reason; requires If-Match. A revoked denial stays readable.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DenialView.class)))
    @APIResponse(responseCode = "409", description = "Already revoked")
    @APIResponse(responseCode = "412", description = "If-Match given and stale")
    public Response revoke(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Revocation.Request request) {
        return withTag(writes.revoke(policy.caller(), id, ifMatch, request));
    }

    @GET
    @Path("/{id}/access-receipts")
    @Authorize(Permission.DENIAL_RECEIPTS)
    @Operation(operationId = "getDenialReceipts", summary = "Which states read the denial, how often, first and last time (notifying state only)",
            description = "Per reading state: how often it read the denial, first and last time, aggregated from the audit log. Only the notifying state's officers and auditors.")
    public List<AccessReceipt> receipts(@PathParam("id") String id) {
        return queries.receipts(policy.caller(), id);
    }

    private static Response withTag(DenialView view) {
        return Response.ok(view).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version()))).build();
    }
}
