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
 * (413; Quarkus would answer this one itself with an empty body),</li>
 * <li>a path with characters that a URI may not hold unescaped, such as <code>{</code> (400).</li>
 * </ul>
 * Netty's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * well above these, so that requests between the two limits reach this route. Requests beyond Netty's limits or
 * with a header Netty cannot even parse (a control character in a header) are still answered by Vert.x without
 * a body: Quarkus does not expose Vert.x's {@code HttpServer.invalidRequestHandler} (docs/security-model.md).
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
        if (!validPath(rawPath(uri))) {
            send(ctx, ErrorCode.MALFORMED_REQUEST, "The request path has characters that must be percent-encoded.");
            return;
        }
        ctx.next();
    }

    private static String rawPath(String uri) {
        int q = uri.indexOf('?');
        int f = uri.indexOf('#');
        int end = q >= 0 ? q : f >= 0 ? f : uri.length();
        return uri.substring(0, end);
    }

    /** RFC 3986 path characters: unreserved, sub-delims, ':', '@', '/' and well-formed percent escapes. */
    static boolean validPath(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
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
