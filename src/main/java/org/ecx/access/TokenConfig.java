package org.ecx.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * What ECX accepts in a bearer token beyond what Quarkus OIDC checks (issuer, signature, expiry, the audience
 * {@code quarkus.oidc.token.audience}). See docs/security-model.md, "Token acceptance".
 */
@ConfigMapping(prefix = "ecx.tokens")
public interface TokenConfig {

    /**
     * The OIDC clients ({@code azp}) whose access tokens ECX accepts: the web/CLI clients and the national
     * systems that call ECX. A token that another client of the realm obtained is refused even when it names
     * ECX's audience. Required: there is no safe default.
     */
    List<String> authorizedParties();

    /** Clock skew tolerated between the identity provider and ECX for {@code iat} (issued-at). */
    @WithDefault("PT30S")
    Duration allowedSkew();

    /** The cache of verified bearer tokens ({@link VerifiedTokens}). */
    Cache cache();

    /** Verified bearer tokens are remembered so that their signature is not verified again on every request. */
    interface Cache {
        /**
         * How long a verified token is taken without verifying it again (never beyond its {@code exp}). Bounds how
         * long a token stays accepted after its signing key was withdrawn from the identity provider's key set.
         * {@code PT0S} turns the cache off.
         */
        @WithDefault("PT60S")
        Duration ttl();

        /** The most tokens remembered at once (the least recently used are dropped first). */
        @WithDefault("10000")
        long maxSize();
    }
}
