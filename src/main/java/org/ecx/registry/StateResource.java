package org.ecx.registry;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.PartnerRegistry;
import org.ecx.access.Permission;

/** The partner registry: states and their regime memberships (SPEC §1). */
@Path("/api/v1/states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner registry")
public class StateResource {

    @Inject
    AccessPolicy policy;

    @Inject
    StateService service;

    @Inject
    PartnerRegistry registry;

    @GET
    @Operation(operationId = "listStates", summary = "List partner states with their regime memberships",
            description = "Every partner state of the registry with its status and regime memberships.")
    @Authorize(Permission.STATE_READ)
    public List<StateView> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getState", summary = "Get one partner state",
            description = "One partner state with its status and regime memberships; an unknown code is a 404.")
    @Authorize(Permission.STATE_READ)
    public StateView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putState", summary = "Create or replace a partner state and its regime memberships (admin)",
            description = "Creates or replaces a partner state and its regime memberships; audited. Answers 201 when the state is new, 200 otherwise.")
    @Authorize(Permission.STATE_WRITE)
    public Response put(@PathParam("code") String code, @Valid @NotNull StateUpdate update) {
        StateService.Result result = service.put(policy.caller(), code, update);
        // committed: this instance sees the change at once (the others on the registry notification)
        registry.reload();
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.state()).build();
    }
}
