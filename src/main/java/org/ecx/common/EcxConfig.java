package org.ecx.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of ECX, under the prefix {@code ecx}. */
@ConfigMapping(prefix = "ecx")
public interface EcxConfig {

    /** Request-size limits (SPEC §11). */
    Limits limits();

    /** Pagination of list endpoints. */
    Paging paging();

    /** Denial lifecycle jobs. */
    Denials denials();

    /** The partner registry. */
    Registry registry();

    interface Registry {
        /**
         * States created at startup when the registry is still empty, as {@code CODE=Name} entries (e.g.
         * {@code DE=Germany}): how a new production installation gets its first partner state, so that an
         * administrator of that state can register the others through the API. Ignored once any state exists.
         * Each bootstrapped state is an audit event.
         */
        java.util.Optional<java.util.List<String>> bootstrapStates();
    }

    /** Demo data for local runs and tests; never enabled in production. */
    Demo demo();

    interface Demo {
        /** Whether the demo scripts are loaded at startup. */
        @WithDefault("false")
        boolean enabled();

        /** Idempotent SQL scripts on the classpath, run in this order. */
        @WithDefault("db/demo/partner-states.sql,db/demo/sample-control-lists.sql")
        java.util.List<String> scripts();
    }

    interface Denials {
        /** How often the job that records overdue reviews runs (a Quarkus duration, e.g. {@code 10m}). */
        @WithDefault("10m")
        String overdueCheckEvery();
    }

    interface Limits {
        /** Largest request body accepted by ordinary write endpoints, in bytes (default 5 MiB). */
        @WithDefault("5242880")
        long bodyBytes();

        /** Largest request body accepted by control-list edition imports, in bytes (default 50 MiB). */
        @WithDefault("52428800")
        long editionBodyBytes();
    }

    interface Paging {
        /** Page size used when the client gives no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest page size a client may ask for; larger values are capped to it. */
        @WithDefault("500")
        int maxLimit();
    }
}
