package io.tokenkeeper.app.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down clients that keep failing to authenticate: each client address has a bucket of {@code failures}
 * allowances, refilled evenly over {@code period}, and each failed authentication takes one. A client whose bucket
 * is empty is throttled until the next allowance comes back.
 *
 * <p>The buckets live in this node's memory: behind a load balancer that spreads one client over n nodes the client
 * gets up to n times the allowance, and a restart forgets them. Guessing a 190-bit token is hopeless anyway; the
 * throttle protects the database from floods, which is a per-node matter.
 */
final class FailureThrottle {

    private final long failures;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    FailureThrottle(long failures, Duration period) {
        this.failures = failures;
        this.period = period;
        // An untouched bucket is full again after one period, so forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(100_000)
                .build();
    }

    /** How long {@code client} must wait, if it is throttled now. */
    Optional<Duration> throttled(String client) {
        var bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return Optional.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    void failed(String client) {
        buckets.get(client, address -> newBucket()).tryConsume(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, period))
                .build();
    }
}
