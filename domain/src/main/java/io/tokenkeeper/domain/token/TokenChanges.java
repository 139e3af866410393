package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;

/**
 * Hears about every change that may make a token work differently: its switch, revocation, expiry or name, or its
 * owner's account and privileges. Called inside the transaction that makes the change, before it returns, so that
 * whatever remembers tokens (the API's cache) can forget them at once.
 */
public interface TokenChanges {

    /** For a service with nothing to keep fresh. */
    TokenChanges NONE = new TokenChanges() {
        @Override
        public void tokenChanged(TokenId token) {}

        @Override
        public void ownerChanged(UserId owner) {}
    };

    void tokenChanged(TokenId token);

    /** The owner's account (enabled, username) or privileges changed: every token of theirs is affected. */
    void ownerChanged(UserId owner);
}
