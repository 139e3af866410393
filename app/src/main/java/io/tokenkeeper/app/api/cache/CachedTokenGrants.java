package io.tokenkeeper.app.api.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.app.base.AfterTransaction;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenGrants;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.AccountChanges;
import io.tokenkeeper.domain.user.UserId;
import java.time.Duration;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Remembers, for a short lifetime, each token's and its owner's state by the digest of the token value, so that a
 * warm API request needs no query. Only tokens that exist are cached; whether one works is decided afresh on every
 * request from the cached state and the clock, so expiry needs no eviction. A token used after half its lifetime in
 * the cache is read again in the background, so that a busy token never makes a request thread wait for the database.
 *
 * <p>It stays honest in three ways: the token and user services tell it about each change inside the change's
 * transaction ({@link TokenChanges}, {@link AccountChanges}: it evicts at once and again when the transaction ends, so
 * that a lookup racing the commit cannot keep the old state); every node hears every committed change through the
 * {@link io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed} (see {@link CacheSubscription}); and while the feed is
 * not connected, the cache is bypassed altogether.
 */
public final class CachedTokenGrants implements TokenGrants, TokenChanges, AccountChanges {

    private static final int REMEMBERED_EVICTIONS = 256;

    private final TokenGrants source;
    private final Predicate<TokenDigest> known;
    private final DatabaseStatus database;
    private final Cache<TokenDigest, Entry> cache;
    private final @Nullable BackgroundWork background;
    private final long refreshAfterNanos;
    private final Set<TokenDigest> refreshing = ConcurrentHashMap.newKeySet();

    /** The latest evictions, oldest first, so that a lookup that overlapped one does not keep what it read before. */
    private final Deque<Eviction> recentEvictions = new ConcurrentLinkedDeque<>();

    private final AtomicInteger recentCount = new AtomicInteger();
    private final AtomicLong evictions = new AtomicLong();

    private volatile boolean trusted;

    /** A cache whose entries are read again only once their lifetime is over. */
    CachedTokenGrants(TokenGrants source, Duration lifetime, long maximumSize, DatabaseStatus database) {
        this(source, lifetime, maximumSize, null, digest -> true, database);
    }

    /**
     * @param background where a token used after half its lifetime in the cache is read again
     * @param known false only for a digest no token has ({@link KnownDigests#mayExist})
     */
    CachedTokenGrants(
            TokenGrants source,
            Duration lifetime,
            long maximumSize,
            @Nullable BackgroundWork background,
            Predicate<TokenDigest> known,
            DatabaseStatus database) {
        this(source, lifetime, maximumSize, background, lifetime.dividedBy(2), known, database);
    }

    CachedTokenGrants(
            TokenGrants source,
            Duration lifetime,
            long maximumSize,
            @Nullable BackgroundWork background,
            Duration refreshAfter,
            Predicate<TokenDigest> known,
            DatabaseStatus database) {
        this.source = source;
        this.known = known;
        this.database = database;
        this.background = background;
        this.refreshAfterNanos = refreshAfter.toNanos();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maximumSize)
                .recordStats()
                .build();
    }

    /**
     * {@inheritDoc}
     *
     * <p>While the database is unreachable, a token this node verified within the cache lifetime is answered from
     * memory (no change can commit meanwhile, so it is not staler than the lifetime allows) and any other lookup
     * fails at once with {@link DatabaseUnavailableException}.
     */
    @Override
    public Optional<TokenGrant> findByDigest(TokenDigest digest) {
        if (trusted) {
            var cached = cache.getIfPresent(digest);
            if (cached != null) {
                if (background != null
                        && database.isReachable()
                        && System.nanoTime() - cached.loadedAt() > refreshAfterNanos) {
                    refreshInTheBackground(digest, background);
                }
                return Optional.of(cached.grant());
            }
        }
        if (!database.isReachable()) {
            return fromMemory(digest);
        }
        try {
            var found = load(digest);
            database.reached();
            return found;
        } catch (RuntimeException e) {
            if (!DatabaseStatus.isConnectionFailure(e)) {
                throw e;
            }
            database.unreachable(e);
            return fromMemory(digest);
        }
    }

    private Optional<TokenGrant> fromMemory(TokenDigest digest) {
        var warm = cache.getIfPresent(digest);
        if (warm == null) {
            database.refused();
            throw new DatabaseUnavailableException();
        }
        database.answeredFromMemory();
        return Optional.of(warm.grant());
    }

    /** Reads the token and keeps it, unless a change that may concern it was announced meanwhile. */
    private Optional<TokenGrant> load(TokenDigest digest) {
        long before = evictions.get();
        long startedAt = System.nanoTime();
        var found = source.findByDigest(digest);
        // A canary is read afresh on every use, exactly as an unknown value is: its answer takes the same time.
        if (found.isPresent() && trusted && !found.get().canary()) {
            cache.put(digest, new Entry(found.get(), startedAt));
            if (evictedSince(before, found.get())) {
                cache.invalidate(digest);
            }
        }
        return found;
    }

    private void refreshInTheBackground(TokenDigest digest, BackgroundWork work) {
        if (!refreshing.add(digest)) {
            return;
        }
        boolean submitted = work.submit("read a cached token again", () -> {
            try {
                if (load(digest).isEmpty()) {
                    cache.invalidate(digest);
                }
            } finally {
                refreshing.remove(digest);
            }
        });
        if (!submitted) {
            refreshing.remove(digest);
        }
    }

    /**
     * Whether an eviction that may concern {@code grant} began after {@code before}: what was read may predate the
     * change. An eviction that ends after the grant was cached removes it itself; one that ended before was recorded
     * before, so it is in the list. When the list no longer reaches back far enough, the answer is yes.
     */
    private boolean evictedSince(long before, TokenGrant grant) {
        if (evictions.get() == before) {
            return false;
        }
        boolean reachesBack = false;
        for (var eviction : recentEvictions) {
            if (eviction.number() <= before + 1) {
                reachesBack = true;
            }
            if (eviction.number() > before && eviction.affected().test(grant)) {
                return true;
            }
        }
        return !reachesBack;
    }

    /** What the cache holds for {@code digest}, without asking the database. */
    public Optional<TokenGrant> findCached(TokenDigest digest) {
        var cached = trusted ? cache.getIfPresent(digest) : null;
        return cached == null ? Optional.empty() : Optional.of(cached.grant());
    }

    /**
     * The lookup for a client that failed too often: from the cache, or from the database only when {@code known}
     * says a token may have this digest. Guesses cost no query; a real token behind the same address still works.
     */
    public Optional<TokenGrant> findForThrottledClient(TokenDigest digest) {
        var cached = findCached(digest);
        if (cached.isPresent() || !known.test(digest)) {
            return cached;
        }
        return findByDigest(digest);
    }

    @Override
    public void tokenChanged(TokenId token) {
        evictNowAndAfterTransaction(grant -> grant.token().id().equals(token));
    }

    @Override
    public void ownerChanged(UserId owner) {
        evictNowAndAfterTransaction(grant -> grant.owner().id().equals(owner));
    }

    /** An administrator disabled, enabled or re-privileged the account: all its tokens are affected. */
    @Override
    public void accountChanged(UserId user) {
        ownerChanged(user);
    }

    /**
     * Whether every committed change is being heard. While deaf the cache is not used for lookups (the database is
     * asked instead), but it keeps what it holds for answers from memory should the database be unreachable too; on
     * reconnecting everything is dropped, since notifications may have been missed.
     */
    void listening(boolean listening) {
        if (listening) {
            evictAll();
        }
        trusted = listening;
    }

    void evictAll() {
        remember(grant -> true);
        cache.invalidateAll();
    }

    Cache<TokenDigest, ?> cache() {
        return cache;
    }

    private void evictNowAndAfterTransaction(Predicate<TokenGrant> affected) {
        AfterTransaction.evictNowAndAfter(() -> evict(affected));
    }

    private void evict(Predicate<TokenGrant> affected) {
        remember(affected);
        cache.asMap().values().removeIf(entry -> affected.test(entry.grant()));
    }

    private void remember(Predicate<TokenGrant> affected) {
        recentEvictions.addLast(new Eviction(evictions.incrementAndGet(), affected));
        if (recentCount.incrementAndGet() > REMEMBERED_EVICTIONS) {
            recentEvictions.pollFirst();
            recentCount.decrementAndGet();
        }
    }

    private record Eviction(long number, Predicate<TokenGrant> affected) {}

    /** @param loadedAt when the lookup that read it began, by {@link System#nanoTime()} */
    private record Entry(TokenGrant grant, long loadedAt) {}
}
