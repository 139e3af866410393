package io.tokenkeeper.app.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.domain.policy.TokenPolicy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The token policy as the API applies it on every request (the trusted IP ranges), remembered for at most
 * {@code lifetime} so that a request needs no query. A node hears every committed change of the policy through the
 * {@link io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed} (see {@link CacheSubscription}) and forgets it then;
 * while the feed is not connected the policy is read afresh for every request. Past half its lifetime it is read again in the background,
 * so that busy request threads never wait for it.
 *
 * <p>Each address's verdict is remembered with the policy, so that a request from a known address costs a map lookup
 * however many ranges there are.
 */
public final class CachedPolicy {

    private static final long REMEMBERED_ADDRESSES = 10_000;

    private final Supplier<TokenPolicy> source;
    private final long lifetimeNanos;
    private final BackgroundWork background;
    private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile boolean trusted;

    private final DatabaseStatus database;

    CachedPolicy(Supplier<TokenPolicy> source, Duration lifetime, BackgroundWork background, DatabaseStatus database) {
        this.source = source;
        this.database = database;
        this.lifetimeNanos = lifetime.toNanos();
        this.background = background;
    }

    /** Whether the policy allows API calls from {@code clientAddress}; {@code null} (unknown) only without ranges. */
    public boolean trusts(@Nullable String clientAddress) {
        return current().trusts(clientAddress);
    }

    /** The policy changed: the next request reads it again. */
    void evict() {
        evictions.incrementAndGet();
        snapshot.set(null);
    }

    /**
     * Whether every committed change is being heard. While deaf the policy is read for every request, but the last
     * one read is kept for answers from memory should the database be unreachable too; reconnecting forgets it.
     */
    void listening(boolean listening) {
        if (listening) {
            evict();
        }
        trusted = listening;
    }

    private Snapshot current() {
        var remembered = snapshot.get();
        long age = remembered == null ? Long.MAX_VALUE : System.nanoTime() - remembered.loadedAt();
        if (trusted && remembered != null && age < lifetimeNanos) {
            if (age > lifetimeNanos / 2 && database.isReachable()) {
                refreshInTheBackground();
            }
            return remembered;
        }
        if (!database.isReachable()) {
            return fromMemory(remembered, age);
        }
        try {
            return load();
        } catch (RuntimeException e) {
            if (!DatabaseStatus.isConnectionFailure(e)) {
                throw e;
            }
            database.unreachable(e);
            return fromMemory(remembered, age);
        }
    }

    /** The policy read last, if it is younger than the lifetime: no change can commit while the database is down. */
    private Snapshot fromMemory(@Nullable Snapshot remembered, long age) {
        if (remembered == null || age >= lifetimeNanos) {
            throw new DatabaseUnavailableException();
        }
        return remembered;
    }

    /**
     * Reads the policy and remembers it, unless a change was announced meanwhile: then what was read may predate the
     * change, and is used for this request only.
     */
    private Snapshot load() {
        long before = evictions.get();
        var loaded = new Snapshot(source.get(), System.nanoTime());
        snapshot.set(loaded);
        if (evictions.get() != before) {
            snapshot.compareAndSet(loaded, null);
        }
        return loaded;
    }

    private void refreshInTheBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        boolean submitted = background.submit("refresh the token policy", () -> {
            try {
                load();
            } finally {
                refreshing.set(false);
            }
        });
        if (!submitted) {
            refreshing.set(false);
        }
    }

    /** A policy as read at {@code loadedAt} ({@link System#nanoTime()}), with the verdicts on addresses since. */
    private record Snapshot(TokenPolicy policy, long loadedAt, Cache<String, Boolean> verdicts) {

        Snapshot(TokenPolicy policy, long loadedAt) {
            this(
                    policy,
                    loadedAt,
                    Caffeine.newBuilder().maximumSize(REMEMBERED_ADDRESSES).build());
        }

        public boolean trusts(@Nullable String clientAddress) {
            if (policy.trustedRanges().isEmpty()) {
                return true;
            }
            if (clientAddress == null) {
                return false;
            }
            return verdicts.get(clientAddress, policy::trusts);
        }
    }
}
