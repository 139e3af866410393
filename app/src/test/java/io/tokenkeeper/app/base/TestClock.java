package io.tokenkeeper.app.base;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: the system clock, unless a test stops it at an instant to see what time does
 * (a token expiring) without waiting for it. A test that stops it lets it run again when it ends.
 */
@Component
@Primary
public final class TestClock extends Clock {

    private volatile @Nullable Instant stoppedAt;

    /** From now on, every service sees exactly {@code instant}, until {@link #run()}. */
    public void stopAt(Instant instant) {
        stoppedAt = instant;
    }

    /** Back to the system clock. */
    public void run() {
        stoppedAt = null;
    }

    @Override
    public Instant instant() {
        var stopped = stoppedAt;
        return stopped == null ? Instant.now() : stopped;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock seen from another zone: stopped when this one is. */
    @Override
    public Clock withZone(ZoneId zone) {
        var source = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }
}
