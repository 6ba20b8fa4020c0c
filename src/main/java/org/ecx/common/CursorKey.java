package org.ecx.common;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import org.jboss.logging.Logger;

/** Hands the deployment's cursor key ({@code ecx.cursors.key}) to {@link Cursors} at startup. */
@Startup
@ApplicationScoped
public class CursorKey {

    private static final Logger LOG = Logger.getLogger(CursorKey.class);

    @Inject
    public CursorKey(EcxConfig config) {
        if (config.cursors().key().isPresent()) {
            try {
                Cursors.useKey(Base64.getDecoder().decode(config.cursors().key().get().trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ecx.cursors.key must be base64 of 16 or 32 bytes", e);
            }
        } else {
            LOG.warn("ecx.cursors.key is not set: cursors are encrypted with a key generated for this run only (set"
                    + " the same key on every instance)");
        }
    }
}
