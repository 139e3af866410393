package io.tokenkeeper.app.resourceserver;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tokenkeeper.app.base.AfterTransaction;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.app.base.DatabaseUnavailableException;
import io.tokenkeeper.app.base.FeedSubscriber;
import io.tokenkeeper.domain.resourceserver.ClientId;
import io.tokenkeeper.domain.resourceserver.ResourceServerChanges;
import io.tokenkeeper.domain.resourceserver.ResourceServerCredential;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resource servers' credentials by client id, remembered like token state: for the cache lifetime at most, forgotten
 * on every node within a second of any change to resource servers (the change feed) and on the changing node before
 * the change returns ({@link ResourceServerChanges}), and not used at all while the feed is not connected. A warm
 * introspection checks its caller without a query; one after half the lifetime has the credential read again in the
 * background (Caffeine's refresh, on the common pool).
 */
final class CachedCredentials extends FeedSubscriber implements ResourceServerChanges {

    private final ResourceServerStore store;
    private final LoadingCache<String, Optional<ResourceServerCredential>> cache;
    private volatile boolean trusted;

    private final DatabaseStatus database;

    CachedCredentials(
            ResourceServerStore store, TokenAndPolicyChangeFeed feed, Duration lifetime, DatabaseStatus database) {
        this(store, feed, lifetime, lifetime.dividedBy(2), database);
    }

    /**
     * @param refreshAfter a credential used this long after it was read is read again in the background, the request
     *     getting the one in memory: a busy resource server never makes a request thread wait for the database
     */
    CachedCredentials(
            ResourceServerStore store,
            TokenAndPolicyChangeFeed feed,
            Duration lifetime,
            Duration refreshAfter,
            DatabaseStatus database) {
        super(feed);
        this.store = store;
        this.database = database;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .refreshAfterWrite(refreshAfter)
                .maximumSize(10_000)
                .build(new CacheLoader<>() {
                    @Override
                    public Optional<ResourceServerCredential> load(String clientId) {
                        return store.findCredential(new ClientId(clientId));
                    }

                    /** While the database is unreachable the one in memory stays, without a stack trace per try. */
                    @Override
                    public Optional<ResourceServerCredential> reload(
                            String clientId, Optional<ResourceServerCredential> remembered) {
                        try {
                            return load(clientId);
                        } catch (RuntimeException e) {
                            if (!DatabaseStatus.isConnectionFailure(e)) {
                                throw e;
                            }
                            database.unreachable(e);
                            return remembered;
                        }
                    }
                });
    }

    /** The credential this client id names, if any. */
    Optional<ResourceServerCredential> find(ClientId clientId) {
        if (trusted) {
            return cache.get(clientId.value());
        }
        if (!database.isReachable()) {
            return fromMemory(clientId);
        }
        try {
            var found = store.findCredential(clientId);
            cache.put(clientId.value(), found);
            return found;
        } catch (RuntimeException e) {
            if (!DatabaseStatus.isConnectionFailure(e)) {
                throw e;
            }
            database.unreachable(e);
            return fromMemory(clientId);
        }
    }

    /** While the database is down nothing can change, so what this node read within the lifetime still holds. */
    private Optional<ResourceServerCredential> fromMemory(ClientId clientId) {
        var remembered = cache.getIfPresent(clientId.value());
        if (remembered == null) {
            database.refused();
            throw new DatabaseUnavailableException();
        }
        return remembered;
    }

    /** Whether the answer for {@code clientId} is in memory (no query needed). */
    boolean isCached(ClientId clientId) {
        return trusted && cache.getIfPresent(clientId.value()) != null;
    }

    @Override
    public void connected() {
        cache.invalidateAll();
        trusted = true;
    }

    /** Lookups go to the database from now on; what is cached stays only for answers while it is unreachable. */
    @Override
    public void disconnected(@Nullable Exception cause) {
        trusted = false;
    }

    /** Heard from the feed (any node's change), or told by this node's administration inside its transaction. */
    @Override
    public void resourceServersChanged() {
        AfterTransaction.evictNowAndAfter(cache::invalidateAll);
    }

    @Override
    public void anythingChanged() {
        cache.invalidateAll();
    }
}
