package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.PasswordPolicy;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * On a fresh installation, creates the administrator {@code admin} with API Access and Administrator, so that someone
 * can sign in and create everyone else. Several nodes may start at once on an empty database: one of them creates it,
 * and the others find it there or lose the race on the unique username and carry on without one.
 */
public final class FirstAdministrator {

    static final Username USERNAME = new Username("admin");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;

    private final UserStore users;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public FirstAdministrator(
            UserStore users, PasswordHasher passwords, AuditLog audit, Transactions transactions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates the first administrator when there are no users yet.
     *
     * @param configuredPassword the operator's choice, or {@code null} or blank to generate one
     * @return the administrator created here, or empty when users exist already or another node created them first
     * @throws io.tokenkeeper.domain.base.InvalidInputException when the configured password breaks the
     *     {@link PasswordPolicy}
     */
    public Optional<Created> createIfNoUsers(@Nullable String configuredPassword, SecureRandom random) {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword(random) : configuredPassword;
        PasswordPolicy.check("TOKENKEEPER_ADMIN_PASSWORD", password, USERNAME);
        try {
            return transactions.inTransaction(() -> {
                if (users.count() > 0) {
                    return Optional.empty();
                }
                var now = clock.instant();
                var admin = users.create(
                        new NewUser(
                                USERNAME,
                                DisplayName.of("Administrator"),
                                null,
                                passwords.hash(password),
                                EnumSet.allOf(Privilege.class)),
                        now);
                audit.record(AuditEvent.firstAdministratorCreated(admin, now));
                return Optional.of(new Created(admin, generated ? password : null));
            });
        } catch (ConflictException anotherNodeWasFaster) {
            return Optional.empty();
        }
    }

    private static String generatePassword(SecureRandom random) {
        var password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * The administrator created at first start.
     *
     * @param generatedPassword the password to show once, when it was generated; {@code null} when configured
     */
    public record Created(User user, @Nullable String generatedPassword) {

        @Override
        public String toString() {
            return "Created[" + user.username() + "]";
        }
    }
}
