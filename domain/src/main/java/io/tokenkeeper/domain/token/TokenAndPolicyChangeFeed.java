package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The committed changes, made through any node, that may change which API calls get through: a token's own state
 * (switch, revocation, expiry, name), its owner's account and privileges, and the token policy. Whatever keeps such
 * state in memory (the API's caches on each node) subscribes, so that it forgets the state within a second of the
 * change. Implemented by the persistence module.
 */
public interface TokenAndPolicyChangeFeed {

    /**
     * Delivers changes to {@code subscriber}, on a thread of the feed's own, until the subscription is closed. The feed
     * reconnects by itself after losing its source; until it has connected, changes may be missed.
     */
    Subscription subscribe(Subscriber subscriber);

    /** What a subscriber hears; called on the feed's thread, one call at a time. */
    interface Subscriber {

        /** From now on every committed change reaches the subscriber. */
        void connected();

        /**
         * Changes may be missed from now on, until {@link #connected()}.
         *
         * @param cause why the connection was lost or could not be made; {@code null} when the subscription closed
         */
        void disconnected(@Nullable Exception cause);

        void tokenChanged(TokenId token);

        /** The owner's account (enabled, username) or privileges changed: every token of theirs is affected. */
        void ownerChanged(UserId owner);

        /** The token policy (quota, lifetime, trusted IP ranges) changed. */
        void policyChanged();

        /** A change the feed cannot name: anything may have changed. */
        void anythingChanged();

        /** A resource server, its scopes or its credential changed. Most subscribers keep none of that. */
        default void resourceServersChanged() {}
    }

    /** Stops the deliveries; the subscriber then hears {@link Subscriber#disconnected} one last time. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
