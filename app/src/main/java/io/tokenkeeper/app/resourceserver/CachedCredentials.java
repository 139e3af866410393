package io.tokenkeeper.app.resourceserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.domain.resourceserver.ClientId;
import io.tokenkeeper.domain.resourceserver.ResourceServerCredential;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Resource servers' credentials by client id, remembered like token state: for the cache lifetime at most, forgotten
 * on every node within a second of any change to resource servers (the change feed), and not used at all while the
 * feed is not connected. A warm introspection checks its caller without a query.
 */
final class CachedCredentials implements SmartLifecycle, TokenAndPolicyChangeFeed.Subscriber {

    private final ResourceServerStore store;
    private final TokenAndPolicyChangeFeed feed;
    private final Cache<String, Optional<ResourceServerCredential>> cache;
    private volatile boolean trusted;
    private TokenAndPolicyChangeFeed.@Nullable Subscription subscription;

    CachedCredentials(ResourceServerStore store, TokenAndPolicyChangeFeed feed, Duration lifetime) {
        this.store = store;
        this.feed = feed;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(10_000)
                .build();
    }

    /** The credential this client id names, if any. */
    Optional<ResourceServerCredential> find(ClientId clientId) {
        if (!trusted) {
            return store.findCredential(clientId);
        }
        return cache.get(clientId.value(), id -> store.findCredential(clientId));
    }

    /** Whether the answer for {@code clientId} is in memory (no query needed). */
    boolean isCached(ClientId clientId) {
        return trusted && cache.getIfPresent(clientId.value()) != null;
    }

    @Override
    public synchronized void start() {
        subscription = feed.subscribe(this);
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }

    @Override
    public void connected() {
        cache.invalidateAll();
        trusted = true;
    }

    @Override
    public void disconnected(@Nullable Exception cause) {
        trusted = false;
        cache.invalidateAll();
    }

    @Override
    public void resourceServersChanged() {
        cache.invalidateAll();
    }

    @Override
    public void anythingChanged() {
        cache.invalidateAll();
    }

    @Override
    public void tokenChanged(TokenId token) {}

    @Override
    public void ownerChanged(UserId owner) {}

    @Override
    public void policyChanged() {}
}
