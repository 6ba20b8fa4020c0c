package org.ecx.consultation;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** No-undercut consultations (SPEC §5); lifecycle in {@link ConsultationState}. */
@Path("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations")
public class ConsultationResource {

    @Inject
    AccessPolicy policy;

    @Inject
    ConsultationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.CONSULTATION_OPEN)
    @Operation(operationId = "openConsultation", summary = "Consult the notifying state of a visible denial before licensing (reply due in 10 working days)",
            description = "Opens a consultation with the notifying state of a denial visible to the caller; the reply is due at the same time of day on the 10th working day of the consulted state.")
    @APIResponse(responseCode = "201", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No such denial, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "The denial is revoked")
    @APIResponse(responseCode = "422", description = "The denial is the caller's own")
    public Response open(@Valid @NotNull ConsultationRequests.Open request, @Context UriInfo uri) {
        ConsultationView view = service.open(policy.caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Authorize(Permission.CONSULTATION_READ)
    @Operation(operationId = "listConsultations", summary = "Consultations the caller's state opened or was consulted in, oldest first",
            description = "Consultations in which the caller's state is the consulting or the consulted state, oldest first, paged with nextCursor.")
    public Page<ConsultationView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(policy.caller(), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Authorize(Permission.CONSULTATION_READ)
    @Operation(operationId = "getConsultation", summary = "One consultation (its two states only)",
            description = "One consultation, visible to its two states only (any other state gets the same 404 as for a missing one).")
    public ConsultationView get(@PathParam("id") String id) {
        return service.get(policy.caller(), id);
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.CONSULTATION_REPLY)
    @Operation(operationId = "replyToConsultation", summary = "The consulted state's position",
            description = "The consulted state objects, does not object or asks for more information; allowed while the consultation awaits a reply.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "No longer awaiting a reply (answered, deemed, closed)")
    public ConsultationView reply(@PathParam("id") String id, @Valid @NotNull ConsultationRequests.Reply request) {
        return service.reply(policy.caller(), id, request);
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.CONSULTATION_EXTEND)
    @Operation(operationId = "extendConsultation", summary = "The consulted state takes more working days (at most 30 in total)",
            description = "The consulted state extends the reply period by whole working days; the reply period may not exceed 30 working days in total.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "No longer awaiting a reply")
    @APIResponse(responseCode = "422", description = "The reply period would exceed 30 working days")
    public ConsultationView extend(@PathParam("id") String id,
            @Valid @NotNull ConsultationRequests.Extension request) {
        return service.extend(policy.caller(), id, request);
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.CONSULTATION_OUTCOME)
    @Operation(operationId = "recordConsultationOutcome", summary = "The consulting state's decision; a licence granted over an objection or an active denial"
            + " adds an undercut notice to the denial",
            description = "The consulting state records its licensing decision and closes the consultation; a licence granted over an objection or a denial in force adds an undercut notice.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "Already closed, or a grant before the consulted state's position")
    public ConsultationView outcome(@PathParam("id") String id,
            @Valid @NotNull ConsultationRequests.OutcomeRequest request) {
        return service.outcome(policy.caller(), id, request);
    }
}
