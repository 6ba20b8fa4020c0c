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

    /** The change feed (SPEC §8, ADR 0004). */
    Feed feed();

    /** Webhook push of the change feed (docs/federation.md). */
    Webhooks webhooks();

    interface Feed {
        /**
         * Most feed positions one request examines. A reader that sees few of the changes still advances its
         * cursor by up to this many positions per request (with {@code caughtUp=false}), so one request never
         * scans the whole feed.
         */
        @WithDefault("10000")
        int scanWindow();
    }

    interface Webhooks {
        /** How often the dispatcher fans new feed changes out and sends due deliveries (a Quarkus duration, or {@code off}). */
        @WithDefault("5s")
        String dispatchEvery();

        /** Timeout for connecting to a subscriber's endpoint. */
        @WithDefault("PT5S")
        java.time.Duration connectTimeout();

        /** Timeout for one delivery request, from sending to the response status. */
        @WithDefault("PT10S")
        java.time.Duration requestTimeout();

        /** Delay before the first retry of a failed delivery; it doubles with each further attempt. */
        @WithDefault("PT30S")
        java.time.Duration retryBase();

        /** Longest delay between two attempts. */
        @WithDefault("PT1H")
        java.time.Duration retryMax();

        /** Attempts after which a delivery is given up and logged as FAILED. */
        @WithDefault("12")
        int maxAttempts();

        /** Deliveries one dispatcher run claims and sends. */
        @WithDefault("50")
        int batchSize();

        /**
         * Whether subscription URLs may use plain {@code http}. Off in production: payloads and signatures would
         * cross the network in clear. The demo and test profiles turn it on.
         */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Whether subscription URLs may point at loopback, private, link-local, unique-local or multicast
         * addresses (SSRF protection, checked at subscription and again before every delivery). Off in
         * production; the demo and test profiles turn it on for endpoints on 127.0.0.1.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();
    }

    /** The sequencer that seals audit events and feed changes in commit order (ADR 0007). */
    Sequencer sequencer();

    /** Keys of the audit chain (ADR 0007, docs/security-model.md). */
    Audit audit();

    /** Encryption of list and feed cursors. */
    CursorKeys cursors();

    interface Sequencer {
        /** Whether this instance takes part in the election of the one active sequencer. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between two sealing passes when the last pass found nothing to seal. */
        @WithDefault("PT0.02S")
        java.time.Duration interval();

        /** How often a standby instance tries to take over the sequencer's advisory lock. */
        @WithDefault("PT1S")
        java.time.Duration takeoverCheck();

        /**
         * Most rows of one table sealed in one transaction (per row, a pass of 2,000 cost about 70 % of one of 500
         * under load: docs/benchmarks.md, issue 10 "sealer profile").
         */
        @WithDefault("1000")
        int batchSize();

        /** How often a signed checkpoint of the audit chain's head is written (when the head moved). */
        @WithDefault("PT1M")
        java.time.Duration checkpointEvery();

        /**
         * Bound of the unsealed audit window (ADR 0019): while the audit event the sequencer seals next has waited
         * longer than this since its insertion, reads of other states' records that would append audit events are
         * answered 503 with {@code Retry-After} and append nothing; own-state reads and writes are never refused.
         * {@code PT0S} turns the admission check off.
         */
        @WithDefault("PT0.2S")
        java.time.Duration maxUnsealedAge();

        /**
         * Reads are refused only while at least this many audit events wait too (default: one sealing pass): a
         * few events that waited long because the machine is busy or their transaction was slow to commit do not
         * mean that the sequencer is behind, and refusing reads would not seal them sooner.
         */
        @WithDefault("1000")
        int minUnsealedRows();

        /** How often each instance reads the age of the oldest unsealed audit event (one index probe). */
        @WithDefault("PT0.05S")
        java.time.Duration unsealedCheckEvery();
    }

    interface Audit {
        /**
         * Key of the audit chain's HMAC-SHA256, base64, at least 32 bytes. Kept outside the database (a
         * Kubernetes Secret in production): whoever can write the database but lacks this key cannot recompute
         * the chain after changing it. No default in production.
         */
        String hashKey();

        /**
         * Ed25519 private key (PKCS#8, base64) that signs the checkpoints of the chain's head. When absent a key
         * is generated at startup (local runs and tests): its checkpoints then verify only against that run's
         * public key.
         */
        java.util.Optional<String> signingKey();
    }

    interface CursorKeys {
        /**
         * AES key (base64, 16 or 32 bytes) that encrypts cursors. Every instance of a deployment must use the
         * same key; when absent a key is generated at startup (local runs and tests), so cursors do not survive
         * a restart.
         */
        java.util.Optional<String> key();
    }

    /** Pre-licence screening (SPEC §4). */
    Screening screening();

    /** No-undercut consultations (SPEC §5). */
    Consultations consultations();

    interface Screening {
        /** Smallest match score reported when a screening gives no {@code threshold}. */
        @WithDefault("0.8")
        double defaultThreshold();

        /**
         * How many visible candidate denials (best index score first, all of them at or above the lowest reportable
         * score) are loaded, redacted and scored per screened name.
         */
        @WithDefault("50")
        int candidatesPerName();

        /**
         * How many indexed names per screened name (best rarity-weighted evidence first) the index scores with the
         * matcher before it cuts to those at or above the lowest reportable score; the loss at this cut is
         * measured in docs/benchmarks.md.
         */
        @WithDefault("300")
        int scoredPerName();

        /**
         * Whether the screened names are kept (table {@code screening_log}, referenced by the audit event).
         * Off by default: the audit trail then records who screened and when, never whom.
         */
        @WithDefault("false")
        boolean auditNames();
    }

    interface Consultations {
        /** Working days the consulted state has to reply. */
        @WithDefault("10")
        int replyWorkingDays();

        /** Longest reply period, extensions included, in working days. */
        @WithDefault("30")
        int maxWorkingDays();

        /**
         * Public holidays per consulted state, which do not count as working days, e.g.
         * {@code ecx.consultations.holidays.DE=2026-12-25,2026-12-26}. Saturdays and Sundays never count.
         */
        java.util.Map<String, java.util.List<java.time.LocalDate>> holidays();

        /** How often silence past the reply date is turned into DEEMED_NO_OBJECTION (a Quarkus duration). */
        @WithDefault("1m")
        String deemCheckEvery();
    }

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

        /**
         * Longest time from the request head to the last byte of its body. A client that has not sent its
         * whole body by then gets 408 and the connection is closed. Nothing shared (no pooled database
         * connection, no lock) is held while a body is awaited, so this only bounds memory and sockets.
         */
        @WithDefault("PT60S")
        java.time.Duration bodyReadTimeout();

        /**
         * Requests one principal (token subject) may have in progress at once, body upload included; more
         * get 429 at once, never queued.
         */
        @WithDefault("16")
        int concurrentPerPrincipal();

        /** Screening requests per principal: a token bucket (see {@link Rate}). */
        Rate screening();

        /** Writes (POST, PUT, PATCH, DELETE other than screening) per principal: a token bucket. */
        Rate writes();
    }

    /**
     * A token bucket: {@code burst} requests at once, refilled at {@code per-second} requests per second.
     * Defaults are in application.properties (they differ per bucket).
     */
    interface Rate {
        /** Sustained requests per second. */
        double perSecond();

        /** Requests allowed at once after a quiet period (bucket capacity). */
        long burst();
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
