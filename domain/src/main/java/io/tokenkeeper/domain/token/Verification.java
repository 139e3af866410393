package io.tokenkeeper.domain.token;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on a presented token. Every outcome but {@link Outcome#ACCEPTED} and
 * {@link Outcome#ADDRESS_NOT_TRUSTED} must look the same to the caller; the outcome is for metrics and the audit
 * trail only. A call from an untrusted address may be told so: that verdict says nothing about the token.
 *
 * @param grant the token and its owner when accepted or a canary, otherwise {@code null}
 */
public record Verification(Outcome outcome, @Nullable TokenGrant grant) {

    public enum Outcome {
        ACCEPTED,
        /** Well formed, but the call came from outside the policy's trusted IP ranges. No lookup was made. */
        ADDRESS_NOT_TRUSTED,
        /** Not a well-formed token value: wrong prefix, length, alphabet or checksum. No lookup was made. */
        MALFORMED,
        /** Well formed, but no token has this value. */
        UNKNOWN,
        /** The token is disabled, expired or revoked, or the value presented is the retired old one of a rotation. */
        TOKEN_NOT_USABLE,
        /** The owner is disabled or no longer holds API Access. */
        OWNER_NOT_ALLOWED,
        /** HTTP Basic named someone other than the token's owner. */
        WRONG_USERNAME,
        /** The token's owner allowed it only from other addresses. */
        ADDRESS_NOT_ALLOWED_FOR_TOKEN,
        /** A canary token: it never authenticates, and its use must raise the alarm. Carries the grant for that. */
        CANARY;

        /** The lower-case name, for metric tags. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        boolean carriesGrant = outcome == Outcome.ACCEPTED || outcome == Outcome.CANARY;
        if (carriesGrant != (grant != null)) {
            throw new IllegalArgumentException("Exactly an accepted or canary verification carries a grant.");
        }
    }

    static Verification accepted(TokenGrant grant) {
        return new Verification(Outcome.ACCEPTED, grant);
    }

    static Verification canary(TokenGrant grant) {
        return new Verification(Outcome.CANARY, grant);
    }

    static Verification refused(Outcome outcome) {
        return new Verification(outcome, null);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** The grant of an accepted (or canary) verification. */
    public TokenGrant requireGrant() {
        if (grant == null) {
            throw new IllegalStateException("The token was refused: " + outcome);
        }
        return grant;
    }
}
