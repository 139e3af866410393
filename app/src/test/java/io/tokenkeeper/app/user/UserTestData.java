package io.tokenkeeper.app.user;

import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Creates users for tests, each with a fresh username so that tests sharing one database never collide. */
@Component
public final class UserTestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserStore users;
    private final PasswordHasher passwords;

    UserTestData(UserStore users, PasswordHasher passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    public User aUserWithApiAccess() {
        return aUser(EnumSet.of(Privilege.API_ACCESS));
    }

    public User aUserWithoutPrivileges() {
        return aUser(Set.of());
    }

    public User aUser(Set<Privilege> privileges) {
        return aUser(privileges, PASSWORD);
    }

    public User aUserWithPassword(String password) {
        return aUser(EnumSet.of(Privilege.API_ACCESS), password);
    }

    private User aUser(Set<Privilege> privileges, String password) {
        String username = "user" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        return users.create(
                new NewUser(
                        new Username(username),
                        DisplayName.of("Test User " + username),
                        new EmailAddress(username + "@example.com"),
                        passwords.hash(password),
                        privileges),
                Instant.now());
    }
}
