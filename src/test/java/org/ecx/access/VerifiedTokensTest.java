package org.ecx.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.ecx.support.Api;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: verified bearer tokens are remembered (SHA-256 of the whole token), but never in place of verifying a
 * token that differs in any byte, and never past the token's expiry.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    private static int statusOf(String token) {
        return Api.withToken(token).get("/api/v1/states").statusCode();
    }

    @Test
    void aVerifiedTokenIsRememberedAndAcceptedAgain() {
        String token = TestTokens.tokenWith("DE", t -> t, "licensing-officer");
        assertThat(tokens.remembers(token)).isFalse();
        assertThat(statusOf(token)).isEqualTo(200);
        assertThat(tokens.remembers(token)).isTrue();
        long hits = tokens.hits();
        assertThat(statusOf(token)).isEqualTo(200);
        assertThat(tokens.hits()).as("the second request was answered from the cache").isEqualTo(hits + 1);
    }

    @Test
    void aTokenWithAChangedSignatureByteIsRefusedRightAfterTheRealOneWasRemembered() {
        String token = TestTokens.tokenWith("DE", t -> t, "licensing-officer");
        assertThat(statusOf(token)).isEqualTo(200);
        assertThat(tokens.remembers(token)).isTrue();

        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        String forged = token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        long hits = tokens.hits();
        assertThat(statusOf(forged)).isEqualTo(401);
        assertThat(tokens.hits()).as("the forged token was not answered from the cache").isEqualTo(hits);
        assertThat(tokens.remembers(forged)).isFalse();
        assertThat(statusOf(token)).isEqualTo(200);
    }

    @Test
    void aTokenWithChangedClaimsButTheRealSignatureIsRefused() {
        String token = TestTokens.tokenWith("DE", t -> t, "licensing-officer");
        assertThat(statusOf(token)).isEqualTo(200);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"DE\"", "\"FR\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(statusOf(forged)).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefusedAndNeverRemembered() {
        String expired = TestTokens.expiredToken("DE", "licensing-officer");
        assertThat(statusOf(expired)).isEqualTo(401);
        assertThat(tokens.remembers(expired)).isFalse();
    }

    @Test
    void aRememberedTokenIsForgottenWhenItExpires() throws InterruptedException {
        statusOf(TestTokens.tokenWith("DE", t -> t, "licensing-officer")); // warm: the first request may be slow
        long exp = Instant.now().getEpochSecond() + 10;
        String token = TestTokens.tokenWith("DE", t -> t.expiresAt(exp), "licensing-officer");
        assertThat(statusOf(token)).isEqualTo(200);
        assertThat(tokens.remembers(token)).isTrue();
        while (Instant.now().getEpochSecond() < exp) {
            Thread.sleep(100);
        }
        assertThat(tokens.remembers(token)).isFalse();
    }

    @Test
    void eachRememberedTokenCarriesTheCallerThatItsOwnClaimsName() {
        String de = TestTokens.tokenWith("DE", t -> t, "licensing-officer");
        String fr = TestTokens.tokenWith("FR", t -> t, "auditor");
        assertThat(statusOf(de)).isEqualTo(200);
        assertThat(statusOf(fr)).isEqualTo(200);
        Caller deCaller = tokens.rememberedCaller(de);
        Caller frCaller = tokens.rememberedCaller(fr);
        assertThat(deCaller.state()).isEqualTo("DE");
        assertThat(deCaller.actor()).isEqualTo("changed-de");
        assertThat(deCaller.roles()).containsExactly(Role.LICENSING_OFFICER);
        assertThat(frCaller.state()).isEqualTo("FR");
        assertThat(frCaller.roles()).containsExactly(Role.AUDITOR);
        // answered from the cache, each token still acts as its own state: FR's token cannot write DE's registry
        long hits = tokens.hits();
        assertThat(Api.withToken(fr).body("{\"name\":\"Germany\",\"active\":true,\"regimes\":[]}")
                .put("/api/v1/states/DE").statusCode()).isEqualTo(403);
        assertThat(tokens.hits()).isEqualTo(hits + 1);
    }

    @Test
    void aTokenThatEcxsOwnClaimChecksRefuseIsNeverRemembered() {
        String otherClient = TestTokens.tokenWith("DE", t -> t.claim("azp", "some-other-client"), "licensing-officer");
        assertThat(statusOf(otherClient)).isEqualTo(401);
        long hits = tokens.hits();
        assertThat(statusOf(otherClient)).as("refused again, after verifying it again").isEqualTo(401);
        assertThat(tokens.hits()).isEqualTo(hits);
        assertThat(tokens.remembers(otherClient)).isFalse();

        String stateless = TestTokens.tokenWithoutState("licensing-officer");
        assertThat(statusOf(stateless)).isEqualTo(403);
        assertThat(statusOf(stateless)).isEqualTo(403);
        assertThat(tokens.remembers(stateless)).isFalse();
    }

    @Test
    void aRememberedTokenOfAStateDeactivatedSinceIsForbiddenOnItsNextRequest() {
        String body = "{\"name\":\"Luxembourg\",\"active\":%s,\"regimes\":[\"EU\",\"WA\"]}";
        // 201, or 200 when an earlier run on this database created it
        assertThat(Api.as("DE", "admin").body(body.formatted(true)).put("/api/v1/states/LU").statusCode())
                .isIn(200, 201);
        String lu = TestTokens.tokenWith("LU", t -> t, "licensing-officer");
        assertThat(statusOf(lu)).isEqualTo(200);
        assertThat(tokens.remembers(lu)).isTrue();
        Api.as("DE", "admin").body(body.formatted(false)).put("/api/v1/states/LU").then().statusCode(200);
        long hits = tokens.hits();
        assertThat(statusOf(lu)).as("the registry is asked on every request").isEqualTo(403);
        assertThat(tokens.hits()).as("although the token was answered from the cache").isEqualTo(hits + 1);
    }

    @Test
    void onlyABearerAuthorizationHeaderNamesAToken() {
        assertThat(VerifiedTokens.bearerToken("Bearer a.b.c")).isEqualTo("a.b.c");
        assertThat(VerifiedTokens.bearerToken("bearer a.b.c")).isEqualTo("a.b.c");
        assertThat(VerifiedTokens.bearerToken("Basic ZGU6ZGU=")).isNull();
        assertThat(VerifiedTokens.bearerToken("Bearer ")).isNull();
        assertThat(VerifiedTokens.bearerToken("Bearer")).isNull();
        assertThat(VerifiedTokens.bearerToken(null)).isNull();
    }

    @Test
    void anEntryLivesUntilTheEarlierOfExpiryAndTtl() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        Duration ttl = Duration.ofSeconds(60);
        assertThat(VerifiedTokens.lifetimeNanos(now.getEpochSecond() + 300, now, ttl)).isEqualTo(ttl.toNanos());
        assertThat(VerifiedTokens.lifetimeNanos(now.getEpochSecond() + 5, now, ttl))
                .isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(VerifiedTokens.lifetimeNanos(now.getEpochSecond() - 1, now, ttl)).isZero();
        assertThat(VerifiedTokens.lifetimeNanos(now.getEpochSecond() + 300, now, Duration.ZERO)).isZero();
    }

    @Test
    void theKeyIsTheSha256OfTheWholeToken() {
        assertThat(VerifiedTokens.key("a.b.c")).hasSize(64).isNotEqualTo(VerifiedTokens.key("a.b.d"));
    }
}
