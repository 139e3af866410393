package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;

/**
 * Hears about every change {@link TokenService} and {@link TokenAdministration} make to tokens: a switch, a
 * revocation, a new name, or a freeze of all of one owner's tokens (changes to the owner's account are heard through
 * {@link io.tokenkeeper.domain.user.AccountChanges}). Called inside the transaction that makes the change, before it
 * returns, so that whatever remembers tokens (the API's cache) can forget them at once.
 */
public interface TokenChanges {

    void tokenChanged(TokenId token);

    /** Every token of the owner may work differently now: a freeze or its end switched them all at once. */
    void ownerChanged(UserId owner);
}
