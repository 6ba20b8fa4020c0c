package org.ecx.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * API responses are tailored to the caller's state (visibility, redaction): no shared cache may keep them.
 * Public statistics may opt out by setting their own Cache-Control.
 */
public class NoStoreFilter {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/") && !response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().add("Vary", "Authorization");
        }
    }
}
