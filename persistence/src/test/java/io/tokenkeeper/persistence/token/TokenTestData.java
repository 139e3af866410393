package io.tokenkeeper.persistence.token;

import io.tokenkeeper.domain.token.LifetimePolicy;
import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.QuotaPolicy;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.resourceserver.JooqScopeCatalogue;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /**
     * A {@link TokenService} wired as the application wires it, over the test database; by default at {@link #NOW},
     * every owner with the default quota, tokens that may live for ever, and nobody listening for changes.
     */
    static TokenServiceBuilder tokenService() {
        return new TokenServiceBuilder();
    }

    /** The settings the token tests vary; every store is the test database's. */
    static final class TokenServiceBuilder {

        private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        private QuotaPolicy quotas = owner -> TokenQuota.DEFAULT;
        private LifetimePolicy lifetimes = NO_LIFETIME_LIMIT;
        private TokenChanges changes = NOBODY_LISTENS;

        private TokenServiceBuilder() {}

        TokenServiceBuilder at(Instant now) {
            return at(Clock.fixed(now, ZoneOffset.UTC));
        }

        TokenServiceBuilder at(Clock clock) {
            this.clock = clock;
            return this;
        }

        TokenServiceBuilder quotas(QuotaPolicy quotas) {
            this.quotas = quotas;
            return this;
        }

        TokenServiceBuilder lifetimes(LifetimePolicy lifetimes) {
            this.lifetimes = lifetimes;
            return this;
        }

        TokenServiceBuilder telling(TokenChanges changes) {
            this.changes = changes;
            return this;
        }

        TokenService build() {
            var dsl = TestDatabase.dsl();
            return new TokenService(
                    new JooqTokenStore(dsl),
                    new JooqUserStore(dsl),
                    new JooqAuditLog(dsl),
                    new JooqTransactions(dsl),
                    clock,
                    new SecureRandom(),
                    quotas,
                    lifetimes,
                    new JooqTokenFreezes(dsl),
                    changes,
                    new JooqScopeCatalogue(dsl));
        }
    }
}
