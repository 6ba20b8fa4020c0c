package org.ecx.access;

import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The checks on a bearer token that Quarkus OIDC does not make (signature, issuer, expiry and audience are
 * checked there, see application.properties): the token is an access token ({@code typ} {@code Bearer}), was
 * issued to a client allowed to call ECX ({@code azp}), was not issued in the future, and names its state
 * as a plain two-letter string. Pure logic, so that each rule has a fast unit test.
 */
final class TokenClaims {

    private static final Pattern STATE_CODE = Pattern.compile("^[A-Z]{2}$");

    /** Why a token is refused; the client only learns that its token is not acceptable. */
    enum Refusal {
        NOT_AN_ACCESS_TOKEN, CLIENT_NOT_ALLOWED, ISSUED_IN_THE_FUTURE
    }

    private TokenClaims() {
    }

    /** The first rule the token breaks, or empty when it may be used at ECX. */
    static Optional<Refusal> refusal(JsonWebToken jwt, List<String> authorizedParties, Instant now,
            Duration allowedSkew) {
        if (!"Bearer".equals(string(jwt.getClaim("typ")))) {
            return Optional.of(Refusal.NOT_AN_ACCESS_TOKEN);
        }
        String azp = string(jwt.getClaim("azp"));
        if (azp == null || !authorizedParties.contains(azp)) {
            return Optional.of(Refusal.CLIENT_NOT_ALLOWED);
        }
        Object iat = jwt.getClaim("iat");
        long issuedAt = iat instanceof Number n ? n.longValue()
                : iat instanceof jakarta.json.JsonNumber jn ? jn.longValue() : 0;
        if (issuedAt > now.plus(allowedSkew).getEpochSecond()) {
            return Optional.of(Refusal.ISSUED_IN_THE_FUTURE);
        }
        return Optional.empty();
    }

    /**
     * The caller's state: the {@code state} claim when it is a JSON string of exactly two capital letters.
     * Anything else (a number, an array, {@code "D\"E"}, lower case) yields empty; no character is stripped.
     */
    static Optional<String> state(JsonWebToken jwt) {
        String state = string(jwt.getClaim("state"));
        return state != null && STATE_CODE.matcher(state).matches() ? Optional.of(state) : Optional.empty();
    }

    /** A claim's value when it is a JSON string, else null (numbers, arrays and objects are not strings). */
    private static String string(Object claim) {
        if (claim instanceof JsonString js) {
            return js.getString();
        }
        return claim instanceof String s ? s : null;
    }
}
