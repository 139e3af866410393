package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The one way to read and change users. Every change is checked here and written to the audit trail. */
public final class UserService {

    static final Username FIRST_ADMINISTRATOR = new Username("admin");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;

    private final UserStore users;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public UserService(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
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
