package org.ecx.support;

import io.quarkus.arc.Arc;
import io.restassured.filter.Filter;
import java.time.Duration;
import org.ecx.sequencer.Sequencer;

/**
 * Audit events and feed changes are readable once the sequencer sealed them, shortly after commit (ADR 0007).
 * Tests that read them right after writing wait for the seal first (no sleeps).
 */
public final class Sealing {

    private Sealing() {
    }

    /** Waits until everything committed so far is sealed. */
    public static void await() {
        Arc.container().instance(Sequencer.class).get().awaitSealed(Duration.ofSeconds(30));
    }

    /** A REST Assured filter that waits for the seal before a request that reads the audit log or the feed. */
    public static Filter beforeSealedReads() {
        return (request, response, ctx) -> {
            String path = request.getURI();
            if ("GET".equals(request.getMethod()) && (path.contains("/api/v1/audit") || path.contains("/api/v1/feed"))) {
                await();
            }
            return ctx.next(request, response);
        };
    }
}
