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
}
