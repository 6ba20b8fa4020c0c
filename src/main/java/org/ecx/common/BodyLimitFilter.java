package org.ecx.common;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces the request-body limits of SPEC §11 (413 problem) before a body is parsed: by the declared
 * {@code Content-Length}, and by counting for bodies sent without one. Also refuses path and query values
 * with control characters (400), bodies without {@code Content-Type} (415) and form bodies sent to the API (415).
 */
public class BodyLimitFilter {

    /** The one endpoint with its own, larger limit: a control list's editions (CSV uploads). */
    private static final Pattern EDITIONS = Pattern.compile("^/api/v1/control-lists/[^/]+/editions/?$");

    // looked up at the first request, not injected: the filter bean is created during static init, before runtime
    // config exists
    @Inject
    Provider<EcxConfig> config;

    private volatile EcxConfig.Limits limits;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext ctx) {
        // Path and query values with control characters are never valid (and NUL cannot be stored).
        for (var param : ctx.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : param.getValue()) {
                if (StrictJson.hasControlCharacter(value)) {
                    throw EcxException.invalid(param.getKey(), "must not contain control characters");
                }
            }
        }
        if (StrictJson.hasControlCharacter(ctx.getUriInfo().getPath())) {
            throw EcxException.invalid("path", "must not contain control characters");
        }
        String declared = ctx.getHeaderString("Content-Length");
        boolean hasBody = ctx.getHeaderString("Transfer-Encoding") != null
                || (declared != null && !declared.trim().equals("0"));
        if (hasBody && ctx.getMediaType() == null) {
            // never guess the type of a body: without Content-Type it would be read as JSON and stored
            throw new EcxException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "A request body needs a Content-Type.");
        }
        if (hasBody && isForm(ctx.getMediaType()) && ctx.getUriInfo().getPath().startsWith("/api/")) {
            // The API takes JSON (and CSV where documented), never forms: refuse them here, before the console's
            // CSRF filter (which guards form posts to /console) would answer a bare 400.
            throw new EcxException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The API does not accept form bodies.");
        }
        if (declared != null) {
            long limit = limitFor(ctx.getUriInfo().getPath());
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw EcxException.badRequest("Content-Length is not a number.");
            }
            if (length > limit) {
                throw tooLarge(limit);
            }
        } else if (ctx.hasEntity()) {
            ctx.setEntityStream(new Limited(ctx.getEntityStream(), limitFor(ctx.getUriInfo().getPath())));
        }
    }

    private static boolean isForm(jakarta.ws.rs.core.MediaType type) {
        return type != null && (type.isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || ("multipart".equalsIgnoreCase(type.getType())));
    }

    long limitFor(String path) {
        EcxConfig.Limits l = limits;
        if (l == null) {
            l = config.get().limits();
            limits = l;
        }
        return path != null && EDITIONS.matcher(path).matches() ? l.editionBodyBytes() : l.bodyBytes();
    }

    static EcxException tooLarge(long limit) {
        return new EcxException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes for this endpoint.");
    }

    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw tooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (count += n) > limit) {
                throw tooLarge(limit);
            }
            return n;
        }
    }
}
