package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The one way to read and change users. Every change is checked here and written to the audit trail. */
public final class UserService {

    static final Username FIRST_ADMINISTRATOR = new Username("admin");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    private static final int MAX_PAGE = 500;

    private final UserStore users;
    private final AccessCheck access;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final AccountChanges accountChanges;

    public UserService(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        this(users, passwords, audit, transactions, clock, AccountChanges.NONE);
    }

    /** @param accountChanges told, inside the transaction, about every account disabled, enabled or re-privileged */
    public UserService(
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
        this.accountChanges = accountChanges;
    }

    public Optional<User> find(UserId id) {
        return users.findById(id);
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

    /** Changes the acting user's password after checking the current one. */
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
            var hash = users.passwordHash(user.id()).orElseThrow(() -> notFound());
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

    /** Records that the user signed in to the browser UI. */
    public void signedIn(Actor actor) {
        audit.record(AuditEvent.onOwnAccount(actor, AuditAction.SIGN_IN_SUCCEEDED, "Signed in", clock.instant()));
    }

    /** Records that the user signed out of the browser UI. */
    public void signedOut(Actor actor) {
        audit.record(AuditEvent.onOwnAccount(actor, AuditAction.SIGNED_OUT, "Signed out", clock.instant()));
    }

    /**
     * Records a failed sign-in. The attempted name is kept only when it is an existing account's: people sometimes
     * type their password into the username field, and that must not land in the audit trail.
     */
    public void signInFailed(String attemptedUsername, String reason, @Nullable String clientAddress) {
        var user = Username.isWellFormed(attemptedUsername)
                ? users.findByUsername(attemptedUsername)
                : Optional.<User>empty();
        audit.record(new AuditEvent(
                clock.instant(),
                null,
                "unknown",
                AuditAction.SIGN_IN_FAILED,
                "user",
                user.map(found -> Long.toString(found.id().value())).orElse(null),
                user.map(found -> found.username().value()).orElse("unknown user"),
                user.isPresent() ? reason : "Unknown username",
                clientAddress));
    }

    /** One page of users for the Users administration page. Administrators only. */
    public List<UserSummary> search(Actor actor, @Nullable String text, int offset, int limit) {
        requireAdministrator(actor);
        return users.search(searchText(text), Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    public long count(Actor actor, @Nullable String text) {
        requireAdministrator(actor);
        return users.countMatching(searchText(text));
    }

    /** Creates a user with an initial password the administrator passes on. Administrators only. */
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
                recordOn(admin, actor, created, AuditAction.USER_CREATED, "Created with " + describe(privileges), now);
                return created;
            });
        } catch (ConflictException taken) {
            throw new InvalidInputException("username", taken.getMessage());
        }
    }

    /**
     * Changes another user's display name, email and privileges. Administrators only; nobody removes their own
     * Administrator privilege, and the last enabled administrator keeps it.
     */
    public User updateUser(
            Actor actor, UserId id, @Nullable String displayName, @Nullable String email, Set<Privilege> privileges) {
        var display = DisplayName.of(displayName);
        var address = EmailAddress.optional(email).orElse(null);
        return transactions.inTransaction(() -> {
            users.lockAdministrators();
            var admin = requireAdministrator(actor);
            var before = users.findById(id).orElseThrow(() -> new NotFoundException("This user does not exist."));
            boolean losesAdministrator = before.isAdministrator() && !privileges.contains(Privilege.ADMINISTRATOR);
            if (losesAdministrator && before.id().equals(admin.id())) {
                throw new InvalidInputException("privileges", "You cannot remove your own Administrator privilege.");
            }
            if (losesAdministrator && before.enabled()) {
                requireAnotherAdministrator(before);
            }
            var now = clock.instant();
            var after = before;
            if (!before.displayName().equals(display) || !Objects.equals(before.email(), address)) {
                after = users.updateProfile(id, display, address, now);
                recordOn(admin, actor, after, AuditAction.USER_CHANGED, "Changed the display name or email", now);
            }
            if (!before.privileges().equals(privileges.isEmpty() ? Set.of() : EnumSet.copyOf(privileges))) {
                users.setPrivileges(id, privileges, now);
                accountChanges.accountChanged(id);
                after = users.findById(id).orElseThrow();
                recordOn(
                        admin,
                        actor,
                        after,
                        AuditAction.PRIVILEGES_CHANGED,
                        "Privileges: " + describe(before.privileges()) + " → " + describe(privileges),
                        now);
            }
            return after;
        });
    }

    /** Stops the user from signing in, and every one of their API tokens with them. Administrators only. */
    public User disable(Actor actor, UserId id) {
        return setEnabled(actor, id, false);
    }

    public User enable(Actor actor, UserId id) {
        return setEnabled(actor, id, true);
    }

    /** Gives another user a new password. Administrators only. */
    public void resetPassword(Actor actor, UserId id, @Nullable String newPassword, @Nullable String confirmation) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new InvalidInputException("newPassword", "Enter a new password.");
        }
        if (!newPassword.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "The passwords do not match.");
        }
        transactions.run(() -> {
            var admin = requireAdministrator(actor);
            var user = users.findById(id).orElseThrow(() -> new NotFoundException("This user does not exist."));
            PasswordPolicy.check("newPassword", newPassword, user.username());
            var now = clock.instant();
            users.updatePasswordHash(id, passwords.hash(newPassword), now);
            recordOn(admin, actor, user, AuditAction.PASSWORD_RESET, "Reset the password", now);
        });
    }

    private User setEnabled(Actor actor, UserId id, boolean enabled) {
        return transactions.inTransaction(() -> {
            users.lockAdministrators();
            var admin = requireAdministrator(actor);
            var before = users.findById(id).orElseThrow(() -> new NotFoundException("This user does not exist."));
            if (before.enabled() == enabled) {
                return before;
            }
            if (!enabled && before.id().equals(admin.id())) {
                throw new InvalidInputException("enabled", "You cannot disable your own account.");
            }
            if (!enabled && before.isAdministrator()) {
                requireAnotherAdministrator(before);
            }
            var now = clock.instant();
            users.setEnabled(id, enabled, now);
            accountChanges.accountChanged(id);
            var after = users.findById(id).orElseThrow();
            recordOn(
                    admin,
                    actor,
                    after,
                    enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    enabled ? "Enabled the account" : "Disabled the account and stopped its API tokens",
                    now);
            return after;
        });
    }

    /** Call only while holding {@link UserStore#lockAdministrators()}, so the count cannot change under us. */
    private void requireAnotherAdministrator(User target) {
        if (users.countEnabledAdministrators() <= 1) {
            throw new ConflictException(target.username()
                    + " is the last enabled administrator. Make someone else an administrator first.");
        }
    }

    private User requireAdministrator(Actor actor) {
        return access.requireAdministrator(actor, "Only administrators can manage users.");
    }

    private void recordOn(User admin, Actor actor, User target, AuditAction action, String details, Instant now) {
        audit.record(new AuditEvent(
                now,
                admin.id(),
                admin.username().value(),
                action,
                "user",
                Long.toString(target.id().value()),
                target.username().value(),
                details,
                actor.clientAddress()));
    }

    private static String describe(Set<Privilege> privileges) {
        if (privileges.isEmpty()) {
            return "no privileges";
        }
        return EnumSet.copyOf(privileges).stream().map(Privilege::label).collect(Collectors.joining(", "));
    }

    private static String searchText(@Nullable String text) {
        var normalised = Text.normalise(text);
        return normalised.length() > 100 ? normalised.substring(0, 100) : normalised;
    }

    /**
     * On a fresh installation, creates the administrator {@code admin} with API Access and Administrator.
     *
     * @param configuredPassword the operator's choice, or {@code null} to generate one
     * @return the first administrator, or empty when users already exist
     */
    public Optional<FirstAdministrator> createFirstAdministrator(
            @Nullable String configuredPassword, SecureRandom random) {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword(random) : configuredPassword;
        PasswordPolicy.check("TOKENKEEPER_ADMIN_PASSWORD", password, FIRST_ADMINISTRATOR);
        try {
            return transactions.inTransaction(() -> {
                if (users.count() > 0) {
                    return Optional.empty();
                }
                var now = clock.instant();
                var admin = users.create(
                        new NewUser(
                                FIRST_ADMINISTRATOR,
                                DisplayName.of("Administrator"),
                                null,
                                passwords.hash(password),
                                EnumSet.allOf(Privilege.class)),
                        now);
                audit.record(new AuditEvent(
                        now,
                        null,
                        AuditEvent.SYSTEM,
                        AuditAction.USER_CREATED,
                        "user",
                        Long.toString(admin.id().value()),
                        admin.username().value(),
                        "Created the first administrator at first start",
                        null));
                return Optional.of(new FirstAdministrator(admin, generated ? password : null));
            });
        } catch (ConflictException anotherNodeWasFaster) {
            return Optional.empty();
        }
    }

    /**
     * The administrator created at first start.
     *
     * @param generatedPassword the password to show once, when it was generated
     */
    public record FirstAdministrator(User user, @Nullable String generatedPassword) {

        @Override
        public String toString() {
            return "FirstAdministrator[" + user.username() + "]";
        }
    }

    private User current(Actor actor) {
        return users.findById(actor.id()).orElseThrow(UserService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This account no longer exists.");
    }

    private static String generatePassword(SecureRandom random) {
        var password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
