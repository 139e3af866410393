package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.AccountChanges;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.PasswordPolicy;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.UserSummary;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Administrators manage everyone's accounts: search them, create them, change their details and privileges, disable
 * and enable them, and reset their passwords. Every method reads the acting user afresh and requires an enabled
 * administrator; nobody removes their own Administrator privilege or disables themself, and the last enabled
 * administrator stays one. Every change is audited.
 */
public final class UserAdministration {

    /** The largest page one search returns; a larger limit is cut to this. */
    private static final int MAX_PAGE_SIZE = 500;

    static final String ADMINISTRATORS_ONLY = "Only administrators can manage users.";
    static final String NO_SUCH_USER = "This user does not exist.";

    private final UserStore users;
    private final AccessCheck access;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final AccountWrites writes;

    /** @param accountChanges told, inside the transaction, about every account disabled, enabled or re-privileged */
    public UserAdministration(
            UserStore users,
            PasswordHasher passwords,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            AccountChanges accountChanges) {
        this.users = users;
        this.access = new AccessCheck(users);
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.writes = new AccountWrites(users, accountChanges);
    }

    /**
     * One page of the users whose username, display name or email contains {@code text}, ordered by username.
     *
     * @throws NotAllowedException unless the actor is an enabled administrator
     */
    public List<UserSummary> search(Actor actor, @Nullable String text, int offset, int limit) {
        requireAdministrator(actor);
        return users.search(searchText(text), Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE_SIZE));
    }

    /** @throws NotAllowedException unless the actor is an enabled administrator */
    public long count(Actor actor, @Nullable String text) {
        requireAdministrator(actor);
        return users.countMatching(searchText(text));
    }

    /**
     * Creates a user with an initial password the administrator passes on.
     *
     * @throws InvalidInputException for "username" (also when taken), "displayName", "email" or "password"
     */
    public User createUser(
            Actor actor,
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String initialPassword,
            Set<Privilege> privileges) {
        var name = Username.of(username);
        var display = DisplayName.of(displayName);
        var address = EmailAddress.optional(email).orElse(null);
        if (initialPassword == null || initialPassword.isEmpty()) {
            throw new InvalidInputException("password", "Enter an initial password.");
        }
        PasswordPolicy.check("password", initialPassword, name);
        try {
            return transactions.inTransaction(() -> {
                var admin = requireAdministrator(actor);
                var now = clock.instant();
                var created = users.create(
                        new NewUser(name, display, address, passwords.hash(initialPassword), privileges), now);
                recordOn(actor, created, AuditAction.USER_CREATED, "Created with " + describe(privileges), now);
                return created;
            });
        } catch (ConflictException taken) {
            throw new InvalidInputException("username", taken.getMessage());
        }
    }

    /**
     * Changes another user's display name, email and privileges.
     *
     * @throws ConflictException when it would take Administrator from the last enabled administrator
     */
    public User updateUser(
            Actor actor, UserId id, @Nullable String displayName, @Nullable String email, Set<Privilege> privileges) {
        var display = DisplayName.of(displayName);
        var address = EmailAddress.optional(email).orElse(null);
        return transactions.inTransaction(() -> {
            writes.lockAdministrators();
            var admin = requireAdministrator(actor);
            var before = existing(id);
            boolean losesAdministrator = before.isAdministrator() && !privileges.contains(Privilege.ADMINISTRATOR);
            if (losesAdministrator && before.id().equals(admin.id())) {
                throw new InvalidInputException("privileges", "You cannot remove your own Administrator privilege.");
            }
            if (losesAdministrator) {
                requireAnotherAdministrator(before);
            }
            var now = clock.instant();
            var after = before;
            if (!before.displayName().equals(display) || !Objects.equals(before.email(), address)) {
                after = users.updateProfile(id, display, address, now);
                recordOn(actor, after, AuditAction.USER_CHANGED, "Changed the display name or email", now);
            }
            var reprivileged = writes.setPrivileges(after, privileges, now);
            if (reprivileged != after) {
                after = reprivileged;
                recordOn(
                        actor,
                        after,
                        AuditAction.PRIVILEGES_CHANGED,
                        "Privileges: " + describe(before.privileges()) + " → " + describe(privileges),
                        now);
            }
            return after;
        });
    }

    /** Stops the user from signing in, and every one of their API tokens with them. */
    public User disable(Actor actor, UserId id) {
        return setEnabled(actor, id, false);
    }

    public User enable(Actor actor, UserId id) {
        return setEnabled(actor, id, true);
    }

    /**
     * Gives another user a new password.
     *
     * @throws NotAllowedException when the identity provider manages the account: it has no password here
     */
    public void resetPassword(Actor actor, UserId id, @Nullable String newPassword, @Nullable String confirmation) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new InvalidInputException("newPassword", "Enter a new password.");
        }
        if (!newPassword.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "The passwords do not match.");
        }
        transactions.run(() -> {
            var admin = requireAdministrator(actor);
            var user = existing(id);
            if (users.passwordHash(id).isEmpty()) {
                throw new NotAllowedException(
                        user.username() + " signs in through the identity provider and has no" + " password here.");
            }
            PasswordPolicy.check("newPassword", newPassword, user.username());
            var now = clock.instant();
            users.updatePasswordHash(id, passwords.hash(newPassword), now);
            recordOn(actor, user, AuditAction.PASSWORD_RESET, "Reset the password", now);
        });
    }

    private User setEnabled(Actor actor, UserId id, boolean enabled) {
        return transactions.inTransaction(() -> {
            writes.lockAdministrators();
            var admin = requireAdministrator(actor);
            var before = existing(id);
            if (before.enabled() == enabled) {
                return before;
            }
            if (!enabled && before.id().equals(admin.id())) {
                throw new InvalidInputException("enabled", "You cannot disable your own account.");
            }
            if (!enabled) {
                requireAnotherAdministrator(before);
            }
            var now = clock.instant();
            var after = writes.setEnabled(before, enabled, now);
            recordOn(
                    actor,
                    after,
                    enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    enabled ? "Enabled the account" : "Disabled the account and stopped its API tokens",
                    now);
            return after;
        });
    }

    /** Call only while holding the administrators' lock, so the count cannot change under us. */
    private void requireAnotherAdministrator(User target) {
        if (writes.isLastAdministrator(target)) {
            throw new ConflictException(target.username()
                    + " is the last enabled administrator. Make someone else an administrator first.");
        }
    }

    private User requireAdministrator(Actor actor) {
        return access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
    }

    private User existing(UserId id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException(NO_SUCH_USER));
    }

    private void recordOn(Actor actor, User target, AuditAction action, String details, Instant now) {
        audit.record(AuditEvent.onUser(actor, action, target, details, now));
    }

    static String describe(Set<Privilege> privileges) {
        if (privileges.isEmpty()) {
            return "no privileges";
        }
        return EnumSet.copyOf(privileges).stream().map(Privilege::label).collect(Collectors.joining(", "));
    }

    private static String searchText(@Nullable String text) {
        var normalised = Text.normalise(text);
        return normalised.length() > 100 ? normalised.substring(0, 100) : normalised;
    }
}
