package org.ecx.webhook;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Webhook subscriptions of the caller's state: push of its feed (docs/federation.md). */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation")
public class SubscriptionResource {

    @Inject
    AccessPolicy policy;

    @Inject
    SubscriptionService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(Permission.SUBSCRIPTION_MANAGE)
    @Operation(operationId = "createSubscription", summary = "Subscribe an endpoint to the caller's feed, from now on",
            description = "Each visible change of the chosen record types is POSTed as the feed item, signed:"
                    + " X-ECX-Signature: sha256=HMAC-SHA256(secret, X-ECX-Timestamp + \".\" + body).")
    @APIResponse(responseCode = "201", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "422", description = "URL not allowed (scheme, user info, non-public address)")
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView view = service.create(policy.caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Authorize(Permission.SUBSCRIPTION_MANAGE)
    @Operation(operationId = "listSubscriptions", summary = "The caller's state's subscriptions",
            description = "The webhook subscriptions of the caller's state, paged with nextCursor.")
    public Page<SubscriptionView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(policy.caller(), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Authorize(Permission.SUBSCRIPTION_MANAGE)
    @Operation(operationId = "getSubscription", summary = "One subscription of the caller's state",
            description = "One webhook subscription of the caller's state; another state's subscription is a 404.")
    public SubscriptionView get(@PathParam("id") String id) {
        return service.get(policy.caller(), id);
    }

    @DELETE
    @Path("/{id}")
    @Authorize(Permission.SUBSCRIPTION_MANAGE)
    @Operation(operationId = "deactivateSubscription", summary = "Stop a subscription (it and its delivery log stay readable)",
            description = "Stops deliveries to the subscription; the subscription and its delivery log stay readable.")
    @APIResponse(responseCode = "204", description = "Stopped")
    public Response deactivate(@PathParam("id") String id) {
        service.deactivate(policy.caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Authorize(Permission.SUBSCRIPTION_MANAGE)
    @Operation(operationId = "listSubscriptionDeliveries", summary = "The delivery log of a subscription, oldest first",
            description = "The delivery attempts of one subscription (status, attempts, next retry), oldest first, paged with nextCursor.")
    public Page<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.deliveries(policy.caller(), id, limit, cursor);
    }
}
