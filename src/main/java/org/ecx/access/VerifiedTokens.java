package org.ecx.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ecx.common.Digests;

/**
 * Bearer tokens that Quarkus OIDC has verified (signature, issuer, audience, expiry), remembered for a short time
 * so that the same token presented again is not verified again: RSA verification and JWT parsing were the largest
 * group of CPU samples on the request path (docs/benchmarks.md). Quarkus OIDC caches introspection and UserInfo
 * results only, not the local verification of a JWT; so this authentication mechanism runs before Quarkus' own one
 * and answers from the cache, and {@link Remember} (an augmentor, after every verification) fills it. Answering as a
 * mechanism, not as an identity provider, also skips what OIDC's bearer mechanism does per request before any
 * provider is asked (it decodes and parses the token's claims to tell a JWT from an opaque token, resolves the
 * tenant): a third of a cached request's security samples (docs/benchmarks.md, "fixed cost"). A miss answers
 * nothing and Quarkus OIDC authenticates (and challenges) exactly as without this class.
 *
 * <p>What makes this safe: the key is the SHA-256 of the whole token string (header, claims AND signature), so a
 * token that differs in any byte, a changed signature included, is a miss and goes through full verification; an
 * entry lives at most until the token's {@code exp} (stricter than OIDC's lifespan grace) and at most
 * {@code ecx.tokens.cache.ttl}; the cache is bounded ({@code ecx.tokens.cache.max-size}). Only the API's bearer
 * tokens (default tenant, paths under {@code /api/}) are cached, never the console's sessions, and only tokens
 * that {@link TokenClaims} accepts and that name a state: the {@link Caller} they name (state, roles, actor; fixed
 * by the token's bytes) is remembered with them ({@link #CALLER}), while the partner registry and the permission
 * table are still applied by {@link AccessPolicy} on every request.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    /** Identity attribute marking an identity served from the cache (so that it is not stored again). */
    static final String FROM_CACHE = VerifiedTokens.class.getName() + ".hit";
    /**
     * Identity attribute of a remembered identity: the {@link Caller} its token names, its claims checked by
     * {@link TokenClaims} when it was verified ({@link AccessPolicy#claimed}); the registry is not part of it.
     */
    static final String CALLER = VerifiedTokens.class.getName() + ".caller";
    /** Where OIDC's identity names its request. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    /** Where the authentication request names its request. */
    private static final String REQUEST_ROUTING_CONTEXT = HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE;
    private static final String TENANT_ID = "tenant-id";
    private static final String DEFAULT_TENANT = "Default";
    private static final String BEARER = "Bearer ";

    private record Entry(SecurityIdentity identity, long expiresAtEpochSecond, long lifetimeNanos) {
    }

    private final Duration ttl;
    private final TokenConfig config;
    private final Cache<String, Entry> cache;
    private final java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    VerifiedTokens(TokenConfig config) {
        this.config = config;
        this.ttl = config.cache().ttl();
        this.cache = Caffeine.newBuilder()
                .maximumSize(Math.max(1, config.cache().maxSize()))
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry e, long currentTime) {
                        return e.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry e, long currentTime, long currentDuration) {
                        return e.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry e, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** Before Quarkus OIDC's mechanism: a hit answers, a miss (null) lets OIDC authenticate. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    /** What a miss leaves to Quarkus OIDC (whose identity provider takes it). */
    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Never challenges: Quarkus OIDC's mechanism, next in line, answers 401 as it would without this one. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext routing, IdentityProviderManager identityProviderManager) {
        SecurityIdentity remembered = remembered(routing);
        return remembered == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(remembered);
    }

    /** The identity remembered for the request's bearer token, bound to this request; null on a miss. */
    SecurityIdentity remembered(RoutingContext routing) {
        if (ttl.isZero() || !isApi(routing)) {
            return null;
        }
        String token = bearerToken(routing.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return null;
        }
        Entry e = cache.getIfPresent(key(token));
        if (e == null || e.expiresAtEpochSecond() <= Instant.now().getEpochSecond()) {
            return null;
        }
        hits.incrementAndGet();
        // the same verified identity, bound to this request (OIDC's identity names the request it was created in)
        return QuarkusSecurityIdentity.builder(e.identity())
                .addAttribute(ROUTING_CONTEXT, routing).addAttribute(FROM_CACHE, Boolean.TRUE).build();
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), else null. Only a
     * token string that OIDC verified before is ever found in the cache, so a header OIDC would read otherwise can
     * only miss.
     */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** How many requests were answered from the cache (tests). */
    long hits() {
        return hits.get();
    }

    /** Whether {@code token} is remembered now (tests). */
    boolean remembers(String token) {
        Entry e = cache.getIfPresent(key(token));
        return e != null && e.expiresAtEpochSecond() > Instant.now().getEpochSecond();
    }

    /** The caller remembered with {@code token}, or null when the token is not remembered (tests). */
    Caller rememberedCaller(String token) {
        Entry e = cache.getIfPresent(key(token));
        return e == null ? null : e.identity().getAttribute(CALLER);
    }

    void remember(SecurityIdentity identity, RoutingContext routing) {
        if (ttl.isZero() || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !DEFAULT_TENANT.equals(identity.getAttribute(TENANT_ID)) || !isApi(routing)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            return;
        }
        Instant now = Instant.now();
        Caller claimed;
        try {
            claimed = AccessPolicy.claimed(identity, jwt, config, now);
        } catch (AuthenticationFailedException refused) {
            return; // refused by ECX's own claim checks: verified again (and refused again) every time
        }
        if (claimed.state() == null) {
            return;
        }
        long exp = jwt.getExpirationTime();
        long lifetime = lifetimeNanos(exp, now, ttl);
        if (lifetime > 0) {
            cache.put(key(token.getToken()), new Entry(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(CALLER, claimed).build(), exp, lifetime));
        }
    }

    /** How long a token expiring at {@code expEpochSecond} may be remembered from {@code now}: never past exp. */
    static long lifetimeNanos(long expEpochSecond, Instant now, Duration ttl) {
        long untilExp = Duration.between(now, Instant.ofEpochSecond(expEpochSecond)).toNanos();
        return Math.max(0, Math.min(untilExp, ttl.toNanos()));
    }

    private static boolean isApi(RoutingContext routing) {
        return routing != null && routing.normalizedPath().startsWith("/api/");
    }

    static String key(String token) {
        return Digests.sha256Hex(token);
    }

    /** Remembers each identity Quarkus OIDC has just verified; runs after every other augmentor. */
    @ApplicationScoped
    static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity, identity.getAttribute(ROUTING_CONTEXT));
            return Uni.createFrom().item(identity);
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                Map<String, Object> attributes) {
            Object routing = attributes == null ? null : attributes.get(REQUEST_ROUTING_CONTEXT);
            tokens.remember(identity, routing instanceof RoutingContext r ? r : identity.getAttribute(ROUTING_CONTEXT));
            return Uni.createFrom().item(identity);
        }
    }
}
