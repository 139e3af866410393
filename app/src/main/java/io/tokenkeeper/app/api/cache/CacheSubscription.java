package io.tokenkeeper.app.api.cache;

import io.tokenkeeper.app.base.FeedSubscriber;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's {@link CachedTokenGrants}, {@link CachedPolicy} and {@link KnownDigests} in step with the changes every node commits:
 * subscribed to the {@link TokenAndPolicyChangeFeed} while the application runs, it evicts what each change names.
 * Until the feed is connected, and whenever it is not, both caches are cleared and bypassed.
 */
final class CacheSubscription extends FeedSubscriber {

    private static final Logger log = LoggerFactory.getLogger(CacheSubscription.class);

    private final CachedTokenGrants grants;
    private final CachedPolicy policy;
    private final KnownDigests known;
    private volatile boolean listening;

    CacheSubscription(
            TokenAndPolicyChangeFeed feed, CachedTokenGrants grants, CachedPolicy policy, KnownDigests known) {
        super(feed);
        this.grants = grants;
        this.policy = policy;
        this.known = known;
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
