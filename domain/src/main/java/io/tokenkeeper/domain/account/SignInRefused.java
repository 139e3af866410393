package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.base.DomainException;

/** A sign-in through the identity provider that Tokenkeeper refuses although the provider vouched for the person. */
public final class SignInRefused extends DomainException {

    public enum Reason {
        /** The provider sent no username that Tokenkeeper's rules accept. */
        NO_USERNAME,
        /** The username belongs to a local account that no administrator allowed to be linked. */
        LOCAL_ACCOUNT,
        /** The username belongs to an account linked to another person at the provider. */
        LINKED_TO_ANOTHER_PERSON,
        /** The account is disabled. */
        DISABLED
    }

    private final Reason reason;

    SignInRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
