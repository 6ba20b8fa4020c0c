package org.ecx.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;

/**
 * Per-principal limits (issue 10, docs/operations.md): requests in progress at once, and token buckets for
 * screenings and for writes. Nothing waits: a request over a limit gets 429 with {@code Retry-After} at once,
 * so one principal's flood never occupies what other states' requests need. The state is in memory per
 * instance (with N instances a principal gets up to N times the limit); it expires with the principal's
 * inactivity.
 */
@ApplicationScoped
public class RequestLimiter {

    /** What a request counts against, besides the concurrency limit. */
    public enum Kind { READ, WRITE, SCREENING }

    private final int concurrent;
    private final EcxConfig.Rate screeningRate;
    private final EcxConfig.Rate writeRate;

    private final Cache<String, PrincipalLimits> principals = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    private final class PrincipalLimits {
        final Semaphore inProgress = new Semaphore(concurrent);
        final Bucket screening = bucket(screeningRate);
        final Bucket writes = bucket(writeRate);
    }

    @Inject
    RequestLimiter(EcxConfig config) {
        this(config.limits().concurrentPerPrincipal(), config.limits().screening(), config.limits().writes());
    }

    RequestLimiter(int concurrent, EcxConfig.Rate screening, EcxConfig.Rate writes) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("ecx.limits.concurrent-per-principal must be at least 1");
        }
        bucket(screening); // fail the startup on a bad rate, not the first request
        bucket(writes);
        this.concurrent = concurrent;
        this.screeningRate = screening;
        this.writeRate = writes;
    }

    /**
     * Admits one request of {@code principal} or throws a 429 {@link EcxException}. The caller must run the
     * returned release (idempotent) when the request ends: response sent or connection closed.
     */
    public Runnable admit(String principal, Kind kind) {
        PrincipalLimits limits = principals.get(principal, p -> new PrincipalLimits());
        if (!limits.inProgress.tryAcquire()) {
            throw EcxException.tooManyRequests("Too many requests of this principal are in progress at once (limit "
                    + concurrent + ").", 1);
        }
        Bucket bucket = kind == Kind.SCREENING ? limits.screening : kind == Kind.WRITE ? limits.writes : null;
        if (bucket != null) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                limits.inProgress.release();
                long seconds = (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1)
                        / TimeUnit.SECONDS.toNanos(1);
                throw EcxException.tooManyRequests("This principal sends " + (kind == Kind.SCREENING
                        ? "screenings" : "writes") + " faster than its rate limit.", seconds);
            }
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                limits.inProgress.release();
            }
        };
    }

    static Bucket bucket(EcxConfig.Rate rate) {
        if (rate.perSecond() <= 0 || rate.burst() < 1) {
            throw new IllegalArgumentException("a rate limit needs per-second > 0 and burst >= 1");
        }
        long nanosPerToken = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / rate.perSecond()));
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate.burst())
                        .refillGreedy(1, Duration.ofNanos(nanosPerToken)).build())
                .build();
    }
}
