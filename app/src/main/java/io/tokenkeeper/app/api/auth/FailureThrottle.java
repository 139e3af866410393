package io.tokenkeeper.app.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.tokenkeeper.domain.network.FailureBuckets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Slows down clients that keep failing to authenticate: each client (an IPv4 address or an IPv6 /64) has a bucket of
 * {@code failures} allowances, refilled evenly over {@code period}, and each failed authentication takes one. A client
 * whose bucket is empty is throttled until the next allowance comes back.
 *
 * <p>With {@link FailureBuckets shared buckets} (PostgreSQL) the limit holds for the whole cluster: each failure takes
 * from the shared bucket — one statement, on the failing request only — and a node that learns a client's bucket is
 * empty remembers until when, so the client's further attempts cost that node no query. Asking whether a client is
 * throttled never queries: a valid request costs nothing more. While the database cannot be reached, or without
 * shared buckets, each node counts in its own memory.
 */
public final class FailureThrottle {

    private final long failures;
    private final Duration period;
    private final @Nullable FailureBuckets shared;
    private final BooleanSupplier sharedReachable;
    private final Cache<String, Bucket> buckets;
    /** Clients the shared buckets said are empty, with the {@link System#nanoTime()} until which they stay so. */
    private final Cache<String, Long> emptyUntil;

    /** A throttle counting in this node's memory only. */
    FailureThrottle(long failures, Duration period) {
        this(failures, period, null, () -> false);
    }

    /**
     * A throttle for the whole cluster.
     *
     * @param sharedReachable whether {@code shared} can be asked now (false while the database is unreachable)
     */
    FailureThrottle(long failures, Duration period, @Nullable FailureBuckets shared, BooleanSupplier sharedReachable) {
        this.failures = failures;
        this.period = period;
        this.shared = shared;
        this.sharedReachable = sharedReachable;
        // An untouched bucket is full again after one period, so forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(100_000)
                .build();
        this.emptyUntil = Caffeine.newBuilder()
                .expireAfterWrite(period)
                .maximumSize(100_000)
                .build();
    }

    /** How long {@code client} must wait, if it is throttled now (as far as this node knows, without a query). */
    public Optional<Duration> throttled(String client) {
        if (emptyUntil.estimatedSize() == 0 && buckets.estimatedSize() == 0) {
            // No client has failed lately (nearly always): nothing to look up, and no key to work out.
            return Optional.empty();
        }
        var key = key(client);
        var until = emptyUntil.getIfPresent(key);
        if (until != null) {
            long left = until - System.nanoTime();
            if (left > 0) {
                return Optional.of(Duration.ofNanos(left));
            }
            emptyUntil.invalidate(key);
        }
        var bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Counts a failed authentication of {@code client}.
     *
     * @return how long the client must wait when this failure was over its limit (answer 429, not 401) — which this
     *     node may learn only now, from the shared buckets, when other nodes counted the earlier failures
     */
    public Optional<Duration> failed(String client) {
        return count(client).overLimit();
    }

    /** Counts a failed authentication of {@code client}, as {@link #failed}, and tells what allowance it has left. */
    public Allowance count(String client) {
        var key = key(client);
        var known = throttled(client);
        if (known.isPresent()) {
            return allowance(0, known);
        }
        if (shared != null && sharedReachable.getAsBoolean()) {
            try {
                var taken = shared.take(key, failures, period);
                taken.emptyFor().ifPresent(wait -> emptyUntil.put(key, System.nanoTime() + wait.toNanos()));
                return allowance(taken.left(), taken.counted() ? Optional.empty() : taken.emptyFor());
            } catch (RuntimeException databaseTrouble) {
                // Counted in memory below: the throttle must hold while the database is away too.
            }
        }
        var bucket = buckets.get(key, address -> newBucket());
        bucket.tryConsume(1);
        return allowance(bucket.getAvailableTokens(), Optional.empty());
    }

    /** How many failures a client may have within {@link #period()} before it is throttled. */
    public long failures() {
        return failures;
    }

    /** The time over which a client's allowances of failures come back. */
    public Duration period() {
        return period;
    }

    private Allowance allowance(double left, Optional<Duration> overLimit) {
        double held = Math.max(0, Math.min(failures, left));
        var untilFull = Duration.ofNanos((long) Math.ceil((failures - held) * period.toNanos() / (double) failures));
        return new Allowance((long) Math.floor(held), untilFull, overLimit);
    }

    /**
     * A client's allowance after a failed authentication.
     *
     * @param remaining how many more failures it may have now
     * @param untilFull how long until its allowance is whole again, if it fails no more
     * @param overLimit how long it must wait, when this failure was over its limit
     */
    public record Allowance(long remaining, Duration untilFull, Optional<Duration> overLimit) {}

    /**
     * What one client is: an IPv4 address, or an IPv6 /64, the block one subscriber or host usually gets; counting
     * single IPv6 addresses would let one host take 2^64 fresh allowances.
     */
    static String key(String client) {
        if (client.indexOf(':') < 0) {
            return client;
        }
        try {
            byte[] address = InetAddress.getByName(stripZone(client)).getAddress();
            if (address.length != 16) {
                return client;
            }
            var prefix = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString((address[i] & 0xFF) << 8 | (address[i + 1] & 0xFF)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return client;
        }
    }

    private static String stripZone(String literal) {
        int zone = literal.indexOf('%');
        var bare = zone < 0 ? literal : literal.substring(0, zone);
        return bare.startsWith("[") && bare.endsWith("]") ? bare.substring(1, bare.length() - 1) : bare;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, period))
                .build();
    }
}
