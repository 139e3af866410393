package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.PasswordPolicy;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What people change about their own account: display name, email address and password. Every change is audited. */
public final class AccountService {

    static final String NO_LONGER_EXISTS = "This account no longer exists.";
    static final String NO_PASSWORD = "You sign in through your organisation's identity provider: your account has no"
            + " password here, and its password is changed there.";

    private final UserStore users;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public AccountService(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Changes the acting user's own display name and email address. */
    public User updateProfile(Actor actor, @Nullable String displayName, @Nullable String email) {
        var name = DisplayName.of(displayName);
        var address = EmailAddress.optional(email).orElse(null);
        return transactions.inTransaction(() -> {
            var before = current(actor);
            var changes = new ArrayList<String>();
            if (!before.displayName().equals(name)) {
                changes.add("display name");
            }
            if (!Objects.equals(before.email(), address)) {
                changes.add("email");
            }
            if (changes.isEmpty()) {
                return before;
            }
            var now = clock.instant();
            var after = users.updateProfile(before.id(), name, address, now);
            audit.record(AuditEvent.onOwnAccount(
                    actor, AuditAction.PROFILE_CHANGED, "Changed " + String.join(" and ", changes), now));
            return after;
        });
    }

    /**
     * Whether the acting user's account has a password here. Accounts the identity provider manages have none and
     * cannot get one.
     */
    public boolean hasPassword(Actor actor) {
        return users.passwordHash(actor.id()).isPresent();
    }

    /**
     * Changes the acting user's password after checking the current one.
     *
     * @throws InvalidInputException for "currentPassword" (missing or wrong), "newPassword" (missing, against the
     *     {@link PasswordPolicy}, or the same as the current one) or "confirmation" (different from the new one)
     * @throws io.tokenkeeper.domain.base.NotAllowedException when the identity provider manages the account
     */
    public void changePassword(
            Actor actor,
            @Nullable String currentPassword,
            @Nullable String newPassword,
            @Nullable String confirmation) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new InvalidInputException("currentPassword", "Enter your current password.");
        }
        if (newPassword == null || newPassword.isEmpty()) {
            throw new InvalidInputException("newPassword", "Enter a new password.");
        }
        PasswordPolicy.check("newPassword", newPassword, actor.user().username());
        if (!newPassword.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "The passwords do not match.");
        }
        transactions.run(() -> {
            var user = current(actor);
            var hash = users.passwordHash(user.id()).orElseThrow(() -> new NotAllowedException(NO_PASSWORD));
            if (!passwords.matches(currentPassword, hash)) {
                throw new InvalidInputException("currentPassword", "The current password is not correct.");
            }
            if (currentPassword.equals(newPassword)) {
                throw new InvalidInputException("newPassword", "Choose a password different from the current one.");
            }
            var now = clock.instant();
            users.updatePasswordHash(user.id(), passwords.hash(newPassword), now);
            audit.record(AuditEvent.onOwnAccount(actor, AuditAction.PASSWORD_CHANGED, "Changed the password", now));
        });
    }

    /** The actor's account as stored now; a disabled account changes nothing, even in a session still open. */
    private User current(Actor actor) {
        var user = users.findById(actor.id()).orElseThrow(AccountService::noLongerExists);
        if (!user.enabled()) {
            throw new NotAllowedException("This account is disabled. Sign in again, or ask an administrator.");
        }
        return user;
    }

    private static NotFoundException noLongerExists() {
        return new NotFoundException(NO_LONGER_EXISTS);
    }
}
