package io.tokenkeeper.persistence.token;

import io.tokenkeeper.domain.token.LifetimePolicy;
import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Named fixtures for the token tests: users with privileges, and tokens about to be stored. */
final class TokenTestData {

    static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");
    static final String CLIENT_ADDRESS = "192.0.2.10";

    /** No maximum lifetime: a token may live for ever. */
    static final LifetimePolicy NO_LIFETIME_LIMIT = () -> null;

    /** Nothing caches tokens in these tests, so nothing needs to hear of changes. */
    static final TokenChanges NOBODY_LISTENS = new TokenChanges() {
        @Override
        public void tokenChanged(TokenId token) {}

        @Override
        public void ownerChanged(UserId owner) {}
    };

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JooqUserStore USERS = new JooqUserStore(TestDatabase.dsl());

    private TokenTestData() {}

    /** A stored, enabled user holding exactly {@code privileges}. */
    static User aUser(String username, Privilege... privileges) {
        Set<Privilege> granted = privileges.length == 0 ? Set.of() : EnumSet.of(privileges[0], privileges);
        return USERS.create(
                new NewUser(
                        new Username(username),
                        DisplayName.of(username),
                        new EmailAddress(username + "@example.com"),
                        "{bcrypt}hash",
                        granted),
                NOW.minusSeconds(3600));
    }

    /** A stored user holding API Access. */
    static User aTokenUser(String username) {
        return aUser(username, Privilege.API_ACCESS);
    }

    /** A stored user holding API Access and Administrator. */
    static User anAdministrator(String username) {
        return aUser(username, Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
    }

    static Actor actor(User user) {
        return new Actor(user, CLIENT_ADDRESS);
    }

    /** A token for {@code owner} with a fresh random value, created at {@link #NOW}, never expiring. */
    static NewToken aNewToken(UserId owner, String name) {
        return aNewToken(owner, name, TokenSecret.generate(RANDOM));
    }

    static NewToken aNewToken(UserId owner, String name, TokenSecret secret) {
        return new NewToken(owner, TokenName.of(name), secret.digest(), secret.hint(), NOW, null);
    }

    static TokenSecret aSecret() {
        return TokenSecret.generate(RANDOM);
    }
}
