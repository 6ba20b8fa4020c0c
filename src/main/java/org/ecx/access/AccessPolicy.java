package org.ecx.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.EnumSet;
import java.util.Set;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one policy bean. Resource methods declare their operation with {@link Authorize}; the
 * {@link AuthorizationFilter} calls {@link #authorize(Permission)} before the body is read, and the
 * resource then takes the {@link Caller} from {@link #caller()}. It turns the token into a {@link Caller}
 * and applies the {@link Permission} table: anonymous → 401; a token refused by {@link TokenClaims} (not an
 * access token, another client's, issued in the future) → 401; no/unknown/inactive state → 403; none of the
 * operation's roles → 403.
 */
@RequestScoped
public class AccessPolicy {

    private static final Logger LOG = Logger.getLogger(AccessPolicy.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    PartnerRegistry registry;

    // this bean is created for every request: configuration is looked up only when it is used (a remembered token's
    // Caller needs neither), not injected at creation (it was a tenth of an empty feed poll's samples)
    @Inject
    Provider<TokenConfig> tokens;

    private Caller caller;

    /** The OIDC tenant of the officer console (application.properties, quarkus.oidc.console.*). */
    public static final String CONSOLE_TENANT = "console";
    private static final String TENANT_ID_ATTRIBUTE = "tenant-id";

    /** The audience a bearer token must name (checked by Quarkus for bearer tokens, here for console sessions). */
    @ConfigProperty(name = "quarkus.oidc.token.audience")
    Provider<List<String>> audience;

    public Caller authorize(Permission operation) {
        Caller c = caller();
        if (!operation.allows(c.roles())) {
            throw new EcxException(ErrorCode.FORBIDDEN,
                    "The caller's roles do not allow this operation.");
        }
        return c;
    }

    /** The caller of this request, resolved once per request. */
    public Caller caller() {
        if (caller != null) {
            return caller;
        }
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        // a remembered bearer token's claims were checked when it was verified (VerifiedTokens); the registry and
        // the permission table apply to every request
        Caller claimed = identity.getAttribute(VerifiedTokens.CALLER);
        if (claimed == null) {
            claimed = claimed(identity, tokenOf(identity), tokens.get(), Instant.now());
        }
        if (claimed.state() == null || !registry.isActive(claimed.state())) {
            throw new EcxException(ErrorCode.FORBIDDEN,
                    "The token does not name an active partner state.");
        }
        caller = claimed;
        return caller;
    }

    /**
     * The caller that {@code identity}'s access {@code token} names, before the partner registry is asked: the
     * state claim (null when the token names none), the ECX roles and the actor. Throws
     * {@link AuthenticationFailedException} when {@link TokenClaims} refuses the token. Depends on the token's
     * bytes and on {@code now} only through {@code iat} (a token not issued in the future now never will be).
     */
    static Caller claimed(SecurityIdentity identity, Object token, TokenConfig tokens, Instant now) {
        String state = null;
        String actor = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        if (token instanceof JsonWebToken jwt) {
            var refusal = TokenClaims.refusal(jwt, tokens.authorizedParties(), now, tokens.allowedSkew());
            if (refusal.isPresent()) {
                LOG.debugf("Token refused: %s", refusal.get());
                throw new AuthenticationFailedException();
            }
            state = TokenClaims.state(jwt).orElse(null);
            String username = jwt.getClaim("preferred_username");
            if (username != null) {
                actor = username;
            } else if (jwt.getSubject() != null) {
                actor = jwt.getSubject();
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : identity.getRoles()) {
            Role.fromClaim(r).ifPresent(roles::add);
        }
        return new Caller(state, roles, actor == null ? "unknown" : actor);
    }

    /**
     * The access token the caller presents. A bearer request's principal is its access token. A console session
     * (the {@value #CONSOLE_TENANT} tenant's authorization-code flow) has the ID token as principal: its access
     * token, which Quarkus verified (signature, issuer, expiry: verify-access-token), is checked here by the same
     * rules as a bearer token, so the console is no second way in (ADR 0017).
     */
    private Object tokenOf(SecurityIdentity identity) {
        if (!CONSOLE_TENANT.equals(identity.getAttribute(TENANT_ID_ATTRIBUTE))) {
            return identity.getPrincipal();
        }
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access == null || access.getToken() == null) {
            throw new AuthenticationFailedException();
        }
        try {
            String[] parts = access.getToken().split("\\.");
            JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(audience.get()::contains)) {
                throw new AuthenticationFailedException();
            }
            return new DefaultJWTCallerPrincipal(access.getToken(), claims);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            LOG.debugf("Console access token refused: %s", e.getMessage());
            throw new AuthenticationFailedException();
        }
    }
}
