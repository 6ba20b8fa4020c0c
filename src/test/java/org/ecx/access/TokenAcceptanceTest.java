package org.ecx.access;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.ecx.support.Api;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 1: a validly signed token of the realm is not enough. It must be an access token issued
 * for ECX (aud) by a client allowed to call ECX (azp), not issued in the future, with a plain state claim.
 */
@QuarkusTest
class TokenAcceptanceTest {

    private static void refused(String token, int status) {
        Api.withToken(token).get("/api/v1/states").then().statusCode(status)
                .contentType("application/problem+json");
    }

    @Test
    void theDemoShapedTokenIsAccepted() {
        Api.withToken(TestTokens.tokenWith("DE", t -> t, "licensing-officer")).get("/api/v1/states").then()
                .statusCode(200);
    }

    @Test
    void aTokenIssuedForAnotherApplicationIsRefused() {
        refused(TestTokens.tokenWith("DE", t -> t.audience("billing"), "licensing-officer"), 401);
        refused(TestTokens.tokenWith("DE", t -> t.remove("aud"), "licensing-officer"), 401);
    }

    @Test
    void aTokenThatAnotherClientOfTheRealmObtainedIsRefusedEvenWithEcxsAudience() {
        refused(TestTokens.tokenWith("DE", t -> t.claim("azp", "billing-frontend"), "licensing-officer"), 401);
        refused(TestTokens.tokenWith("DE", t -> t.remove("azp"), "licensing-officer"), 401);
    }

    @Test
    void anIdTokenOrATokenWithoutTypIsRefused() {
        refused(TestTokens.tokenWith("DE", t -> t.claim("typ", "ID"), "licensing-officer"), 401);
        refused(TestTokens.tokenWith("DE", t -> t.claim("typ", "Refresh"), "licensing-officer"), 401);
        refused(TestTokens.tokenWith("DE", t -> t.remove("typ"), "licensing-officer"), 401);
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheAllowedSkewIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        refused(TestTokens.tokenWith("DE", t -> t.issuedAt(now + 600).expiresAt(now + 4200), "licensing-officer"),
                401);
        // within the skew of 30 s: accepted
        Api.withToken(TestTokens.tokenWith("DE", t -> t.issuedAt(now + 10).expiresAt(now + 3600),
                "licensing-officer")).get("/api/v1/states").then().statusCode(200);
    }

    @Test
    void aStateClaimWithQuotesOrOfAnotherJsonTypeNamesNoState() {
        for (Object odd : List.of("D\"E", "\"DE\"", "DE ", " DE", "de", List.of("DE"), Map.of("code", "DE"))) {
            var response = Api.withToken(TestTokens.tokenWith("DE", t -> t.claim("state", odd), "licensing-officer"))
                    .get("/api/v1/states");
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(String.valueOf(odd)).isEqualTo(403);
        }
    }
}
