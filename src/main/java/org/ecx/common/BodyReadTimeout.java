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
 *
 * <p>The 408 is the request's only answer. The REST layer, blocked reading that body on a worker thread, then
 * fails to read it (the connection is closed): {@link Arrived} turns that failure into an {@link EcxException}
 * of {@link ErrorCode#REQUEST_TIMEOUT} (mapped without an error log), and the failure of writing that second
 * answer on the answered request is ended quietly by a failure handler ahead of Quarkus's error handler, which
 * would log it as an ERROR ("Response has already been written").
 */
@Singleton
public class BodyReadTimeout {

    @Inject
    EcxConfig config;

    @Inject
    ObjectMapper json;

    private static final String TIMER = "ecx.body-read-timer";

    /** Set on a request answered with 408 by the timer. */
    static final String TIMED_OUT = "ecx.body-read-timed-out";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BodyReadTimeout.class);

    void register(@Observes Filters filters) {
        filters.register(this::watch, 100);
    }

    void registerFailureHandler(@Observes io.vertx.ext.web.Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::afterTimeout);
    }

    /** A failure of a request the timer already answered (its second answer cannot be written): ends quietly. */
    void afterTimeout(RoutingContext rc) {
        if (rc.get(TIMED_OUT) == null) {
            rc.next();
            return;
        }
        LOG.debugf("request answered with 408 before its body arrived; later failure ignored: %s", rc.failure());
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
        rc.put(TIMED_OUT, Boolean.TRUE);
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
            RoutingContext rc = current.getCurrent();
            Object entity;
            try {
                entity = context.proceed(); // a stall inside still meets the timer
            } catch (IOException e) {
                if (rc != null && rc.get(TIMED_OUT) != null) {
                    // the timer answered 408 and closed the connection: this request is over, not broken
                    throw new EcxException(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive in time.");
                }
                throw e;
            }
            Long timer = rc == null ? null : rc.get(TIMER);
            if (timer != null) {
                rc.vertx().cancelTimer(timer);
            }
            return entity;
        }
    }
}
