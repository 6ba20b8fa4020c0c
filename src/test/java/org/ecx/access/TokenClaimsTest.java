package org.ecx.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The token rules of {@link TokenClaims}, without a server. */
class TokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final List<String> ALLOWED = List.of("ecx-cli", "de-system");

    /** A minimal token: just the claims. */
    record Claims(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }

    private static Claims token(Object... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("typ", "Bearer", "azp", "ecx-cli", "iat",
                NOW.getEpochSecond(), "state", "DE"));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove((String) keyValues[i]);
            } else {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new Claims(m);
    }

    private static Optional<TokenClaims.Refusal> refusal(Claims c) {
        return TokenClaims.refusal(c, ALLOWED, NOW, Duration.ofSeconds(30));
    }

    @Test
    void anAccessTokenOfAnAllowedClientIssuedNowIsAccepted() {
        assertThat(refusal(token())).isEmpty();
        assertThat(refusal(token("azp", "de-system", "iat", NOW.getEpochSecond() + 30))).isEmpty();
    }

    @Test
    void onlyBearerTokensAreAccessTokens() {
        assertThat(refusal(token("typ", "ID"))).contains(TokenClaims.Refusal.NOT_AN_ACCESS_TOKEN);
        assertThat(refusal(token("typ", "bearer"))).contains(TokenClaims.Refusal.NOT_AN_ACCESS_TOKEN);
        assertThat(refusal(token("typ", null))).contains(TokenClaims.Refusal.NOT_AN_ACCESS_TOKEN);
    }

    @Test
    void aClientNotOnTheListIsRefused() {
        assertThat(refusal(token("azp", "other"))).contains(TokenClaims.Refusal.CLIENT_NOT_ALLOWED);
        assertThat(refusal(token("azp", null))).contains(TokenClaims.Refusal.CLIENT_NOT_ALLOWED);
    }

    @Test
    void anIssuedAtBeyondTheSkewIsRefused() {
        assertThat(refusal(token("iat", NOW.getEpochSecond() + 31)))
                .contains(TokenClaims.Refusal.ISSUED_IN_THE_FUTURE);
    }

    @Test
    void theStateIsAPlainTwoLetterStringOrNothing() {
        assertThat(TokenClaims.state(token())).contains("DE");
        assertThat(TokenClaims.state(token("state", jakarta.json.Json.createValue("FR")))).contains("FR");
        for (Object odd : List.of("D\"E", "\"DE\"", "de", "DEU", "D E", 42, List.of("DE"))) {
            assertThat(TokenClaims.state(token("state", odd))).as(String.valueOf(odd)).isEmpty();
        }
        assertThat(TokenClaims.state(token("state", null))).isEmpty();
    }
}
