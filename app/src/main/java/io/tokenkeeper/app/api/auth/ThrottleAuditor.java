package io.tokenkeeper.app.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.app.api.cache.BackgroundWork;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes to the audit trail that a client address was throttled: once per address per throttle period on each node
 * (the throttle itself is per node), not once per refused request, and off the request thread.
 */
final class ThrottleAuditor {

    private final AuditLog audit;
    private final Clock clock;
    private final BackgroundWork background;
    private final String details;
    private final Cache<String, Boolean> reported;

    ThrottleAuditor(AuditLog audit, Clock clock, BackgroundWork background, long failures, Duration period) {
        this.audit = audit;
        this.clock = clock;
        this.background = background;
        this.details = "More than " + failures + " failed API authentications within " + describe(period)
                + " from this address; its API calls are refused with 429 until it slows down. Recorded at most"
                + " once per " + describe(period) + " per address and node.";
        this.reported = Caffeine.newBuilder()
                .expireAfterWrite(period)
                .maximumSize(100_000)
                .build();
    }

    /** A request from {@code clientAddress} was refused with 429. */
    void throttled(String clientAddress) {
        if (reported.asMap().putIfAbsent(clientAddress, Boolean.TRUE) != null) {
            return;
        }
        var at = clock.instant();
        boolean submitted = background.submit("record that API calls were throttled", () -> {
            try {
                audit.record(event(clientAddress, at));
            } catch (RuntimeException e) {
                reported.invalidate(clientAddress);
                throw e;
            }
        });
        if (!submitted) {
            reported.invalidate(clientAddress);
        }
    }

    private AuditEvent event(String clientAddress, Instant at) {
        return AuditEvent.apiThrottled(clientAddress, details, at);
    }

    private static String describe(Duration period) {
        long seconds = period.toSeconds();
        if (seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
