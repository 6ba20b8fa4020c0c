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

    /** Demo data for local runs and tests; never enabled in production. */
    Demo demo();

    /** Pre-licence screening (SPEC §4). */
    Screening screening();

    /** No-undercut consultations (SPEC §5). */
    Consultations consultations();

    interface Screening {
        /** Smallest match score reported when a screening gives no {@code threshold}. */
        @WithDefault("0.8")
        double defaultThreshold();

        /** How many candidate denials the index hands to precise scoring per screened name. */
        @WithDefault("200")
        int candidatesPerName();

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
        @WithDefault("db/demo/partner-states.sql")
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
