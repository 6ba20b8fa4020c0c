package org.ecx.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;

/**
 * A request whose body has not fully arrived {@code ecx.limits.body-read-timeout} after its head gets
 * {@code 408} (problem+json, {@link ErrorCode#REQUEST_TIMEOUT}) and its connection is closed. Runs as a
 * Vert.x route filter, in front of the REST layer, with one timer per request that has a body: the timer
 * is cancelled when the REST layer reads the entity ({@link Arrived}) or the response ends, and does nothing
 * if the body has arrived meanwhile. A request that is merely slow to process is never cut off.
 */
@Singleton
public class BodyReadTimeout {

    @Inject
    EcxConfig config;

    @Inject
    ObjectMapper json;

    private static final String TIMER = "ecx.body-read-timer";

    void register(@Observes Filters filters) {
        filters.register(this::watch, 100);
    }

    void watch(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!request.isEnded() && expectsBody(request)) {
            long timeoutMs = config.limits().bodyReadTimeout().toMillis();
            long timer = rc.vertx().setTimer(timeoutMs, id -> expire(rc));
            rc.put(TIMER, timer);
            rc.addEndHandler(done -> rc.vertx().cancelTimer(timer));
        }
        rc.next();
    }

    static boolean expectsBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void expire(RoutingContext rc) {
        if (rc.request().isEnded() || rc.response().headWritten() || rc.response().closed()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(Problem.of(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive within "
                    + config.limits().bodyReadTimeout().toSeconds() + " s.", List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(ErrorCode.REQUEST_TIMEOUT.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("Cache-Control", "no-store")
                .end(body)
                .onComplete(done -> rc.request().connection().close());
    }

    /** The body has arrived once the REST layer deserializes it: the timer of its request is cancelled. */
    @Provider
    public static class Arrived implements ReaderInterceptor {

        @Inject
        CurrentVertxRequest current;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            Object entity = context.proceed(); // a stall inside still meets the timer
            RoutingContext rc = current.getCurrent();
            Long timer = rc == null ? null : rc.get(TIMER);
            if (timer != null) {
                rc.vertx().cancelTimer(timer);
            }
            return entity;
        }
    }
}
