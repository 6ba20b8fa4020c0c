package org.ecx.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link AccessPolicy} to every matched resource method that declares {@link Authorize}, before
 * the body is deserialized or validated: an unauthorized caller learns nothing about its input.
 */
public class AuthorizationFilter {

    @Inject
    AccessPolicy policy;

    @ServerRequestFilter
    public void authorize(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        Authorize required = resource.getResourceMethod().getAnnotation(Authorize.class);
        if (required != null) {
            policy.authorize(required.value());
        }
    }
}
