package org.ecx.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Errors that would otherwise be answered below the application by Vert.x with an empty body (issue 11,
 * finding 2), answered here as problem+json from the same {@link ErrorCode} table. A route placed before every
 * other route of the HTTP server checks, before any body is read:
 * <ul>
 * <li>the request line against ECX's own limit {@link #MAX_REQUEST_LINE} (414),</li>
 * <li>the request headers against {@link #MAX_HEADER_BYTES} (431),</li>
 * <li>a declared {@code Content-Length} against the server ceiling {@code quarkus.http.limits.max-body-size}
 * (413; Quarkus would answer this one itself with an empty body).</li>
 * </ul>
 * Netty's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * well above these, so that requests between the two limits reach this route. Requests beyond Netty's limits,
 * with a header Netty cannot parse (a control character) or with a request URI that Vert.x refuses (a raw
 * <code>{</code>, <code>&lt;</code>, a bad percent escape) never reach a route and are still answered by Vert.x
 * with a bare 400/414/431: Quarkus does not expose Vert.x's {@code HttpServer.invalidRequestHandler}
 * (docs/security-model.md).
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Longest request line (method, URI, version) ECX accepts. */
    static final int MAX_REQUEST_LINE = 8 * 1024;

    /** Largest sum of header names and values ECX accepts. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        var request = ctx.request();
        String uri = request.uri();
        if (uri.length() + request.method().name().length() + 10 > MAX_REQUEST_LINE) {
            send(ctx, ErrorCode.URI_TOO_LONG, "The request URI exceeds " + MAX_REQUEST_LINE + " bytes.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            send(ctx, ErrorCode.HEADERS_TOO_LARGE, "The request headers exceed " + MAX_HEADER_BYTES + " bytes.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody.asLongValue()) {
                    send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds the server's limit of "
                            + maxBody.asLongValue() + " bytes.");
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, ErrorCode.MALFORMED_REQUEST, "Content-Length is not a number.");
                return;
            }
        }
        ctx.next();
    }

    private void send(RoutingContext ctx, ErrorCode code, String detail) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Problem.of(code, detail, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
