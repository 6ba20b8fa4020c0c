package org.ecx.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A controllable clock for tests: the system clock unless a test fixes or shifts it. Tests that change it
 * must call {@link #reset()} when done.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void advance(Duration duration) {
        Instant f = fixed.get();
        if (f != null) {
            fixed.set(f.plus(duration));
        } else {
            offset.set(offset.get().plus(duration));
        }
    }

    public void reset() {
        fixed.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed.get();
        return f != null ? f : Instant.now().plus(offset.get());
    }
}
