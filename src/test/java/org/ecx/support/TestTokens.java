package org.ecx.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fast-test identity: a key pair generated for this test run; ECX verifies tokens with its public key, and
 * tests sign tokens with any state and roles (including broken ones). The suite marked with
 * {@link RealKeycloakProfile} uses tokens from the real Keycloak instead.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static final String KEY_PROPERTY = "test-support.private-key";
    public static final String ISSUER = "https://ecx.test/issuer";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            CACHE.clear();
            return Map.of(
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // nothing to stop
    }

    /** A valid token of demo user {@code <state>-<role>} (e.g. DE, "denial-officer"). */
    public static String token(String state, String... roles) {
        String user = state.toLowerCase() + "-" + String.join("+", roles);
        return CACHE.computeIfAbsent(user + "|" + String.join(",", roles), k -> builder(user, roles).claim("state", state)
                .sign(privateKey()));
    }

    /** A valid token of a named user of {@code state} (a distinct principal per name). */
    public static String tokenOf(String user, String state, String... roles) {
        return CACHE.computeIfAbsent(user + "|" + state + "|" + String.join(",", roles),
                k -> builder(user, roles).claim("state", state).sign(privateKey()));
    }

    /** A token without the {@code state} claim. */
    public static String tokenWithoutState(String... roles) {
        return builder("stateless", roles).sign(privateKey());
    }

    /** A token whose {@code state} claim is the given raw value (unknown, malformed, …). */
    public static String tokenWithRawState(String state, String... roles) {
        return builder("odd-" + state, roles).claim("state", state).sign(privateKey());
    }

    public static String expiredToken(String state, String... roles) {
        long past = System.currentTimeMillis() / 1000 - 7200;
        return builder("expired", roles).claim("state", state).issuedAt(past).expiresAt(past + 60)
                .sign(privateKey());
    }

    /**
     * A token of {@code state} and {@code roles} with some claims changed by {@code change} (another audience,
     * another client, {@code typ}, {@code iat}, …), to test what ECX refuses.
     */
    public static String tokenWith(String state, java.util.function.UnaryOperator<JwtClaimsBuilder> change,
            String... roles) {
        return change.apply(builder("changed-" + state.toLowerCase(), roles).claim("state", state))
                .sign(privateKey());
    }

    /** Like the demo realm's tokens: audience {@code ecx}, issued to client {@code ecx-cli}, an access token. */
    private static JwtClaimsBuilder builder(String user, String... roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience("ecx")
                .claim("azp", "ecx-cli")
                .claim("typ", "Bearer")
                .subject(user)
                .preferredUserName(user)
                .claim("realm_access", Map.of("roles", List.of(Arrays.copyOf(roles, roles.length))))
                .expiresIn(3600);
    }

    private static PrivateKey privateKey() {
        String encoded = System.getProperty(KEY_PROPERTY);
        if (encoded == null) {
            throw new IllegalStateException("TestTokens resource not started");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
