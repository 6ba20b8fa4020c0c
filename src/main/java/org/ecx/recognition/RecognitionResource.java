package org.ecx.recognition;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** Mutual recognition (SPEC §7). */
@Path("/api/v1/recognitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mutual recognition")
public class RecognitionResource {

    @Inject
    AccessPolicy policy;

    @Inject
    RecognitionService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.RECOGNITION_WRITE)
    @Operation(operationId = "proposeRecognition", summary = "Propose a recognition (the recognizing state is the caller's); it starts PROPOSED",
            description = "Records that the caller's state proposes to recognize licences of another state for the given regimes, items and validity; it starts PROPOSED.")
    @APIResponse(responseCode = "201", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = RecognitionView.class)))
    @APIResponse(responseCode = "422", description = "Unknown or own recognized state, bad period or distribution")
    public Response create(@Valid @NotNull RecognitionRequest request, @Context UriInfo uri) {
        RecognitionView view = service.create(policy.caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .tag(new EntityTag(String.valueOf(view.version()))).entity(view).build();
    }

    @GET
    @Authorize(Permission.RECOGNITION_READ)
    @Operation(operationId = "listRecognitions", summary = "Recognitions visible to the caller, in a stable order",
            description = "Recognitions visible to the caller (its own, those recognizing its licences, and those distributed to it), paged with nextCursor.")
    public Page<RecognitionView> list(@QueryParam("recognizingState") String recognizingState,
            @QueryParam("recognizedState") String recognizedState,
            @Parameter(description = "PROPOSED, ACTIVE, SUSPENDED or TERMINATED") @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(policy.caller(), recognizingState, recognizedState, status, limit, cursor);
    }

    @GET
    @Path("/check")
    @Authorize(Permission.RECOGNITION_READ)
    @Operation(operationId = "checkRecognition", summary = "Whether a licence of the recognized state is recognized for this case on a date",
            description = "Only recognitions visible to the caller count. A basis was ACTIVE on that date (status"
                    + " history), its effective period covers the date, its scope covers the control entry (code"
                    + " hierarchy) and licence type, and the destination is not excluded.")
    public RecognitionCheck check(
            @Parameter(required = true, example = "DE") @QueryParam("recognizingState") String recognizingState,
            @Parameter(required = true, example = "FR") @QueryParam("recognizedState") String recognizedState,
            @Parameter(required = true, example = "3A001.a.1") @QueryParam("controlEntry") String controlEntry,
            @Parameter(required = true, description = "INDIVIDUAL, GLOBAL or GENERAL") @QueryParam("licenceType") String licenceType,
            @Parameter(required = true, example = "AE") @QueryParam("destination") String destination,
            @Parameter(description = "ISO-8601 date; default today (UTC)") @QueryParam("date") String date) {
        return service.check(policy.caller(), recognizingState, recognizedState, controlEntry, licenceType,
                destination, date);
    }

    @GET
    @Path("/{id}")
    @Authorize(Permission.RECOGNITION_READ)
    @Operation(operationId = "getRecognition", summary = "One recognition",
            description = "One recognition visible to the caller, with an ETag for If-Match; an invisible one is a 404.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RecognitionView.class)))
    public Response get(@PathParam("id") String id) {
        RecognitionView view = service.get(policy.caller(), id);
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.RECOGNITION_WRITE)
    @Operation(operationId = "changeRecognitionStatus", summary = "Move a recognition of the caller's state through PROPOSED → ACTIVE ⇄ SUSPENDED → TERMINATED",
            description = "PROPOSED → TERMINATED withdraws a proposal; every other transition outside the lifecycle is 409.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RecognitionView.class)))
    @APIResponse(responseCode = "409", description = "Transition outside the lifecycle")
    @APIResponse(responseCode = "412", description = "If-Match given and stale")
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusChangeRequest request) {
        RecognitionView view = service.changeStatus(policy.caller(), id, ifMatch, request);
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }
}
