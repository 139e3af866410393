package io.tokenkeeper.app.api.cache;

import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One subscription to the underlying feed (one listening database connection per node), shared by every part of the
 * node that keeps state in memory: the API's caches and the browser sessions' guard. A subscriber that arrives while
 * the feed is connected hears {@link Subscriber#connected()} at once.
 */
final class SharedChangeFeed implements TokenAndPolicyChangeFeed, TokenAndPolicyChangeFeed.Subscriber {

    private final TokenAndPolicyChangeFeed source;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private @Nullable Subscription upstream;
    private volatile boolean connected;

    SharedChangeFeed(TokenAndPolicyChangeFeed source) {
        this.source = source;
    }

    @Override
    public synchronized Subscription subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        if (upstream == null) {
            upstream = source.subscribe(this);
        } else if (connected) {
            subscriber.connected();
        }
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Subscriber subscriber) {
        if (!subscribers.remove(subscriber)) {
            return;
        }
        if (subscribers.isEmpty() && upstream != null) {
            var closing = upstream;
            upstream = null;
            subscribers.add(subscriber);
            closing.close();
            subscribers.remove(subscriber);
        } else {
            subscriber.disconnected(null);
        }
    }

    @Override
    public void connected() {
        connected = true;
        each(Subscriber::connected);
    }

    @Override
    public void disconnected(@Nullable Exception cause) {
        connected = false;
        each(subscriber -> subscriber.disconnected(cause));
    }

    @Override
    public void tokenChanged(TokenId token) {
        each(subscriber -> subscriber.tokenChanged(token));
    }

    @Override
    public void ownerChanged(UserId owner) {
        each(subscriber -> subscriber.ownerChanged(owner));
    }

    @Override
    public void policyChanged() {
        each(Subscriber::policyChanged);
    }

    @Override
    public void anythingChanged() {
        each(Subscriber::anythingChanged);
    }

    @Override
    public void resourceServersChanged() {
        each(Subscriber::resourceServersChanged);
    }

    private void each(Consumer<Subscriber> delivery) {
        for (var subscriber : subscribers) {
            delivery.accept(subscriber);
        }
    }
}
