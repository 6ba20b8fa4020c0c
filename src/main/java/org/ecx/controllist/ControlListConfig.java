package org.ecx.controllist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the control-list imports, under {@code ecx.control-lists}. */
@ConfigMapping(prefix = "ecx.control-lists")
public interface ControlListConfig {

    /** Entries written per JDBC batch during an import. */
    @WithDefault("500")
    int batchSize();

    /** Problems listed in a rejected import's 422 body; any beyond are counted in its detail. */
    @WithDefault("10000")
    int maxReportedErrors();
}
