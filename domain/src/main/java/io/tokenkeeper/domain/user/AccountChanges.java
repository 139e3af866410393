package io.tokenkeeper.domain.user;

/**
 * Hears, inside the transaction, that an account was disabled, enabled or had its privileges changed, so that what
 * remembers the account's tokens (the API's cache) can forget them before the change returns.
 */
@FunctionalInterface
public interface AccountChanges {

    void accountChanged(UserId user);
}
