package org.ecx.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the per-principal limits (no Quarkus). */
class RequestLimiterTest {

    private static EcxConfig.Rate rate(double perSecond, long burst) {
        return new EcxConfig.Rate() {
            @Override
            public double perSecond() {
                return perSecond;
            }

            @Override
            public long burst() {
                return burst;
            }
        };
    }

    private final RequestLimiter limiter = new RequestLimiter(2, rate(0.01, 2), rate(0.01, 3));

    @Test
    void aPrincipalOverItsConcurrencyLimitIsRefusedUntilOneOfItsRequestsEnds() {
        Runnable first = limiter.admit("DE/a", RequestLimiter.Kind.READ);
        limiter.admit("DE/a", RequestLimiter.Kind.READ);
        assertThatThrownBy(() -> limiter.admit("DE/a", RequestLimiter.Kind.READ))
                .isInstanceOfSatisfying(EcxException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        limiter.admit("FR/b", RequestLimiter.Kind.READ).run(); // another principal is unaffected
        first.run();
        first.run(); // releasing twice gives back one slot only
        limiter.admit("DE/a", RequestLimiter.Kind.READ);
        assertThatThrownBy(() -> limiter.admit("DE/a", RequestLimiter.Kind.READ)).isInstanceOf(EcxException.class);
    }

    @Test
    void writesBeyondTheBurstAreRefusedWithTheSecondsUntilTheNextToken() {
        for (int i = 0; i < 3; i++) {
            limiter.admit("DE/w", RequestLimiter.Kind.WRITE).run();
        }
        assertThatThrownBy(() -> limiter.admit("DE/w", RequestLimiter.Kind.WRITE))
                .isInstanceOfSatisfying(EcxException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                    // one token per 100 s
                    assertThat(e.retryAfterSeconds()).isBetween(90L, 100L);
                });
        // reads and screenings have their own budgets; a refused write gave its concurrency slot back
        limiter.admit("DE/w", RequestLimiter.Kind.READ).run();
        limiter.admit("DE/w", RequestLimiter.Kind.SCREENING).run();
        limiter.admit("DE/w", RequestLimiter.Kind.SCREENING).run();
        assertThatThrownBy(() -> limiter.admit("DE/w", RequestLimiter.Kind.SCREENING))
                .isInstanceOf(EcxException.class);
        limiter.admit("DE/w", RequestLimiter.Kind.READ).run();
        limiter.admit("DE/w", RequestLimiter.Kind.READ).run();
    }

    @Test
    void aRateWithoutTokensOrBurstFailsTheStartup() {
        assertThatThrownBy(() -> new RequestLimiter(4, rate(0, 1), rate(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestLimiter(4, rate(1, 0), rate(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestLimiter(0, rate(1, 1), rate(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void screeningCountsAgainstTheScreeningBucketAndOtherWritesAgainstTheWriteBucket() {
        assertThat(AuthorizationFilter.kind(Permission.SCREENING, "POST")).isEqualTo(RequestLimiter.Kind.SCREENING);
        assertThat(AuthorizationFilter.kind(Permission.DENIAL_CREATE, "POST")).isEqualTo(RequestLimiter.Kind.WRITE);
        assertThat(AuthorizationFilter.kind(Permission.STATE_WRITE, "PUT")).isEqualTo(RequestLimiter.Kind.WRITE);
        assertThat(AuthorizationFilter.kind(Permission.DENIAL_READ, "GET")).isEqualTo(RequestLimiter.Kind.READ);
    }
}
