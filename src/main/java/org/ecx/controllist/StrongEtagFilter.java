package org.ecx.controllist;

import org.ecx.common.ETags;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * For resource methods marked {@link StrongEtag}: serializes the 200 entity once, sets a strong ETag over
 * those bytes and sends them, or answers 304 Not Modified (with the ETag, no body) when If-None-Match names it.
 */
public class StrongEtagFilter {

    @Inject
    EtagSupport etags;

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(StrongEtag.class)
                || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        byte[] bytes = entity instanceof byte[] b ? b : etags.serialize(entity);
        String etag = EtagSupport.etagOf(bytes);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag, true)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(bytes, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
