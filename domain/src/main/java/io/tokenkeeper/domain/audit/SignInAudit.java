package io.tokenkeeper.domain.audit;

import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Writes sign-ins to the browser UI, failed attempts and sign-outs to the audit trail. */
public final class SignInAudit {

    private final UserStore users;
    private final AuditLog audit;
    private final Clock clock;

    public SignInAudit(UserStore users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records that the user signed in; nothing when the account is gone. */
    public void signedIn(UserId user, @Nullable String clientAddress) {
        signedIn(user, "Signed in", clientAddress);
    }

    /**
     * Records that the user signed in, saying how ("Signed in through Okta", "Signed in with a password while …");
     * nothing when the account is gone.
     */
    public void signedIn(UserId user, String details, @Nullable String clientAddress) {
        users.findById(user)
                .ifPresent(found -> audit.record(AuditEvent.onOwnAccount(
                        new Actor(found, clientAddress), AuditAction.SIGN_IN_SUCCEEDED, details, clock.instant())));
    }

    /**
     * Records that a sign-in through the identity provider failed before it reached an account (a forged or stale
     * response, a token the client refused, the provider unreachable); {@code reason} says why.
     */
    public void singleSignOnFailed(String reason, @Nullable String clientAddress) {
        audit.record(AuditEvent.singleSignOnFailed(null, reason, clientAddress, clock.instant()));
    }

    /** Records that the user signed out; nothing when the account is gone. */
    public void signedOut(UserId user, @Nullable String clientAddress) {
        users.findById(user)
                .ifPresent(found -> audit.record(AuditEvent.onOwnAccount(
                        new Actor(found, clientAddress), AuditAction.SIGNED_OUT, "Signed out", clock.instant())));
    }

    /**
     * Records a failed sign-in. The attempted name is kept only when it is an existing account's: people sometimes
     * type their password into the username field, and that must not land in the audit trail.
     */
    public void signInFailed(String attemptedUsername, String reason, @Nullable String clientAddress) {
        audit.record(AuditEvent.signInFailed(
                existing(attemptedUsername).orElse(null), reason, clientAddress, clock.instant()));
    }

    /**
     * Records that sign-ins were refused unchecked after too many failures ({@code details} says for how long and
     * why); the attempted name is kept only when it is an existing account's, as for a failure.
     */
    public void signInThrottled(String attemptedUsername, String details, @Nullable String clientAddress) {
        audit.record(AuditEvent.signInThrottled(
                existing(attemptedUsername).orElse(null), details, clientAddress, clock.instant()));
    }

    private Optional<User> existing(String attemptedUsername) {
        return Username.isWellFormed(attemptedUsername) ? users.findByUsername(attemptedUsername) : Optional.empty();
    }
}
