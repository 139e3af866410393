package io.tokenkeeper.app.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down clients that keep failing to authenticate: each client (an IPv4 address or an IPv6 /64) has a bucket of
 * {@code failures}
 * allowances, refilled evenly over {@code period}, and each failed authentication takes one. A client whose bucket
 * is empty is throttled until the next allowance comes back.
 *
 * <p>The buckets live in this node's memory: behind a load balancer that spreads one client over n nodes the client
 * gets up to n times the allowance, and a restart forgets them. Guessing a 190-bit token is hopeless anyway; the
 * throttle protects the database from floods, which is a per-node matter.
 */
public final class FailureThrottle {

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
    public Optional<Duration> throttled(String client) {
        var bucket = buckets.getIfPresent(key(client));
        if (bucket == null) {
            return Optional.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public void failed(String client) {
        buckets.get(key(client), address -> newBucket()).tryConsume(1);
    }

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
