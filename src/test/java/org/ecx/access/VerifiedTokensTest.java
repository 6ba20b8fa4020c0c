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
