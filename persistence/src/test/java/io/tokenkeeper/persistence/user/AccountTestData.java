package io.tokenkeeper.persistence.user;

import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/** Fixtures for the tests of the account services: a password stand-in, a fixed clock and stored users. */
final class AccountTestData {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Not a real hash: the tests need a reversible stand-in, not bcrypt's cost. */
    static final PasswordHasher PLAIN_PASSWORDS = new PasswordHasher() {
        @Override
        public String hash(CharSequence password) {
            return "{test}" + password;
        }

        @Override
        public boolean matches(CharSequence password, String hash) {
            return hash.equals("{test}" + password);
        }
    };

    private AccountTestData() {}

    /** A stored, enabled user whose password is {@code password}, holding exactly {@code privileges}. */
    static User aUserWithPassword(UserStore store, String username, String password, Privilege... privileges) {
        var granted = EnumSet.noneOf(Privilege.class);
        granted.addAll(List.of(privileges));
        return store.create(
                new NewUser(
                        new Username(username),
                        DisplayName.of(username),
                        null,
                        PLAIN_PASSWORDS.hash(password),
                        granted),
                NOW.minusSeconds(3600));
    }
}
