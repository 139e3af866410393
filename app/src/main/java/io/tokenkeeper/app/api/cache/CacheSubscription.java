package io.tokenkeeper.app.api.cache;

import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed.Subscription;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this node's {@link CachedTokenGrants}, {@link CachedPolicy} and {@link KnownDigests} in step with the changes every node commits:
 * subscribed to the {@link TokenAndPolicyChangeFeed} while the application runs, it evicts what each change names.
 * Until the feed is connected, and whenever it is not, both caches are cleared and bypassed.
 */
final class CacheSubscription implements SmartLifecycle, TokenAndPolicyChangeFeed.Subscriber {

    private static final Logger log = LoggerFactory.getLogger(CacheSubscription.class);

    private final TokenAndPolicyChangeFeed feed;
    private final CachedTokenGrants grants;
    private final CachedPolicy policy;
    private final KnownDigests known;
    private @Nullable Subscription subscription;
    private volatile boolean listening;

    CacheSubscription(
            TokenAndPolicyChangeFeed feed, CachedTokenGrants grants, CachedPolicy policy, KnownDigests known) {
        this.feed = feed;
        this.grants = grants;
        this.policy = policy;
        this.known = known;
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
        listening(true);
        known.reload();
    }

    @Override
    public void disconnected(@Nullable Exception cause) {
        boolean wasListening = listening;
        listening(false);
        known.forget();
        if (cause != null && wasListening) {
            log.info(
                    "Not listening for token and policy changes ({}); the API reads them from the database until it"
                            + " reconnects.",
                    cause.getClass().getSimpleName());
        }
    }

    @Override
    public void tokenChanged(TokenId token) {
        grants.tokenChanged(token);
        known.tokenChanged(token);
    }

    @Override
    public void ownerChanged(UserId owner) {
        grants.ownerChanged(owner);
    }

    @Override
    public void policyChanged() {
        policy.evict();
    }

    @Override
    public void anythingChanged() {
        grants.evictAll();
        policy.evict();
        known.reload();
    }

    private void listening(boolean listening) {
        this.listening = listening;
        grants.listening(listening);
        policy.listening(listening);
    }
}
