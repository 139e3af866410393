package io.tokenkeeper.persistence.token;

import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Named fixtures for the Token Management tests: stored tokens in any state, built one property at a time. */
final class TokenManagementTestData {

    private static final JooqTokenStore TOKENS = new JooqTokenStore(TestDatabase.dsl());
    private static final JooqTokenUsage USAGE = new JooqTokenUsage(TestDatabase.dsl());

    private TokenManagementTestData() {}

    /** An enabled token of {@code owner}, created at {@link TokenTestData#NOW}, never used and never expiring. */
    static StoredToken aToken(User owner, String name) {
        return new StoredToken(owner, name);
    }

    static final class StoredToken {

        private final User owner;
        private final String name;
        private TokenSecret secret = TokenTestData.aSecret();
        private Instant createdAt = TokenTestData.NOW;
        private @Nullable Instant expiresAt;
        private @Nullable Instant lastUsedAt;
        private boolean enabled = true;
        private boolean revoked;

        private StoredToken(User owner, String name) {
            this.owner = owner;
            this.name = name;
        }

        StoredToken withSecret(TokenSecret value) {
            this.secret = value;
            return this;
        }

        StoredToken createdAt(Instant at) {
            this.createdAt = at;
            return this;
        }

        StoredToken expiresAt(Instant at) {
            this.expiresAt = at;
            return this;
        }

        StoredToken lastUsedAt(Instant at) {
            this.lastUsedAt = at;
            return this;
        }

        StoredToken disabled() {
            this.enabled = false;
            return this;
        }

        StoredToken revoked() {
            this.revoked = true;
            return this;
        }

        Token store() {
            var token = TOKENS.insert(
                    new NewToken(owner.id(), TokenName.of(name), secret.digest(), secret.hint(), createdAt, expiresAt));
            if (lastUsedAt != null) {
                USAGE.recordUse(token.id(), lastUsedAt, "192.0.2.1", null);
            }
            if (!enabled) {
                TOKENS.setEnabled(token.id(), false);
            }
            if (revoked) {
                TOKENS.revoke(token.id(), owner.id(), createdAt.plusSeconds(1));
            }
            return TOKENS.find(token.id()).orElseThrow();
        }
    }
}
