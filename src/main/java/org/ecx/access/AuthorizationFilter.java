package org.ecx.access;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link AccessPolicy} to every matched resource method that declares {@link Authorize}, before
 * the body is deserialized or validated: an unauthorized caller learns nothing about its input. Then
 * admits the request against the caller's limits ({@link RequestLimiter}), also before the body is read,
 * so that a principal's stalled uploads count against its own concurrency limit. Needs no database
 * connection: the partner registry is in memory.
 */
public class AuthorizationFilter {

    @Inject
    AccessPolicy policy;

    @Inject
    RequestLimiter limiter;

    @ServerRequestFilter
    public void authorize(ResourceInfo resource, RoutingContext routing) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        Authorize required = resource.getResourceMethod().getAnnotation(Authorize.class);
        if (required != null) {
            Caller caller = policy.authorize(required.value());
            Runnable release = limiter.admit(caller.state() + "/" + caller.actor(), kind(required.value(),
                    routing.request().method().name()));
            routing.addEndHandler(done -> release.run());
        }
    }

    static RequestLimiter.Kind kind(Permission operation, String method) {
        if (operation == Permission.SCREENING) {
            return RequestLimiter.Kind.SCREENING;
        }
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> RequestLimiter.Kind.READ;
            default -> RequestLimiter.Kind.WRITE;
        };
    }
}
