package io.tokenkeeper.app.base;

import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Something that listens to the change feed for as long as the application runs: subscribed when it starts, the
 * subscription closed when it stops. What it does with what it hears is the subclass's; a kind of change it keeps
 * nothing about is ignored unless it overrides the method.
 */
public abstract class FeedSubscriber implements SmartLifecycle, TokenAndPolicyChangeFeed.Subscriber {

    private final TokenAndPolicyChangeFeed feed;
    private TokenAndPolicyChangeFeed.@Nullable Subscription subscription;

    protected FeedSubscriber(TokenAndPolicyChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public final synchronized void start() {
        subscription = feed.subscribe(this);
    }

    @Override
    public final synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return subscription != null;
    }

    @Override
    public void tokenChanged(TokenId token) {}

    @Override
    public void ownerChanged(UserId owner) {}

    @Override
    public void policyChanged() {}
}
