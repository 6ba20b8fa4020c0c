package org.ecx.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Public statistics (SPEC §10): how often a new dated snapshot is published. */
@ConfigMapping(prefix = "ecx.statistics")
public interface StatisticsConfig {

    /** A snapshot's period, in UTC. */
    enum Period {
        DAY, MONTH
    }

    /**
     * The statistics published during a period count the denials notified before the period began, computed
     * once. Longer periods pool more denials between two snapshots, so that the difference of two snapshots
     * says less about any one denial.
     */
    @WithDefault("MONTH")
    Period period();
}
