package org.ecx.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Loads the demo data of SPEC §1 (partner states, regime memberships, sample control list) when
 * {@code ecx.demo.enabled} is true: in the {@code demo} and {@code test} profiles only, never in production
 * (the Helm chart cannot enable it). Runs after the Flyway migrations; every script is idempotent.
 * This is runtime configuration on purpose: Flyway locations are fixed at build time, and the same
 * artifact must run both with and without demo data.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    EcxConfig config;

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) throws SQLException, IOException {
        if (!config.demo().enabled()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (String script : config.demo().scripts()) {
                    st.execute(read(script));
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
        LOG.infof("Demo data loaded: %s", config.demo().scripts());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("demo script not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
