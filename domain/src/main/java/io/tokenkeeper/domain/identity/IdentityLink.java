package io.tokenkeeper.domain.identity;

import io.tokenkeeper.domain.user.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Whether the identity provider owns an account.
 *
 * @param user the account
 * @param state {@link State#LINKED}: the provider manages it; {@link State#ALLOWED}: a local account an administrator
 *     allowed to be linked at its owner's next sign-in through the provider (or when SCIM creates that username)
 * @param subject the person at the provider, once they signed in through it
 * @param externalId the provider's own id for the person, as SCIM sent it
 */
public record IdentityLink(
        UserId user,
        State state,
        @Nullable Subject subject,
        @Nullable String externalId) {

    /** Longest SCIM {@code externalId} kept. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;

    public enum State {
        ALLOWED,
        LINKED
    }

    public IdentityLink {
        if (state == State.ALLOWED && (subject != null || externalId != null)) {
            throw new IllegalArgumentException("An account only allowed to be linked has no subject yet");
        }
    }

    public static IdentityLink allowed(UserId user) {
        return new IdentityLink(user, State.ALLOWED, null, null);
    }

    public static IdentityLink linked(UserId user, @Nullable Subject subject, @Nullable String externalId) {
        return new IdentityLink(user, State.LINKED, subject, externalId);
    }

    public boolean isLinked() {
        return state == State.LINKED;
    }

    public IdentityLink withSubject(Subject signedIn) {
        return linked(user, signedIn, externalId);
    }

    public IdentityLink withExternalId(@Nullable String id) {
        return linked(user, subject, id);
    }

    /**
     * A person at an OpenID provider: the {@code sub} claim is unique and never reassigned within its {@code iss}.
     */
    public record Subject(String issuer, String subject) {

        public static final int MAX_ISSUER_LENGTH = 500;
        public static final int MAX_SUBJECT_LENGTH = 255;

        public Subject {
            if (issuer.isBlank() || issuer.length() > MAX_ISSUER_LENGTH) {
                throw new IllegalArgumentException(
                        "An issuer is a URL of at most " + MAX_ISSUER_LENGTH + " characters");
            }
            if (subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
                throw new IllegalArgumentException("A subject has 1 to " + MAX_SUBJECT_LENGTH + " characters");
            }
        }
    }
}
