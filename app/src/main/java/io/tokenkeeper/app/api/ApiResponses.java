package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.QuotaUsage;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenStatus;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON the API answers with: plain records built from domain types, never the domain types themselves. */
final class ApiResponses {

    private ApiResponses() {}

    /** {@code GET /api/v1/me}: the caller, and the token that authenticated this request. */
    record Me(UserJson user, TokenUsed token) {

        static Me of(ApiCaller caller) {
            return new Me(UserJson.of(caller.user()), TokenUsed.of(caller.token()));
        }
    }

    record UserJson(
            long id,
            String username,
            String displayName,
            @Nullable String email,
            List<Privilege> privileges) {

        static UserJson of(User user) {
            return new UserJson(
                    user.id().value(),
                    user.username().value(),
                    user.displayName().value(),
                    user.email() == null ? null : user.email().value(),
                    user.privileges().stream().sorted().toList());
        }
    }

    record TokenUsed(
            long id,
            String name,
            String hint,
            Instant createdAt,
            @Nullable Instant expiresAt) {

        static TokenUsed of(Token token) {
            return new TokenUsed(
                    token.id().value(),
                    token.name().value(),
                    token.hint().value(),
                    token.createdAt(),
                    token.expiresAt());
        }
    }

    /** One of the caller's tokens as listed: never its value. */
    record TokenJson(
            long id,
            String name,
            String hint,
            TokenStatus status,
            boolean enabled,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable String lastUsedIp) {

        static TokenJson of(Token token, Instant now) {
            return new TokenJson(
                    token.id().value(),
                    token.name().value(),
                    token.hint().value(),
                    token.statusAt(now),
                    token.enabled(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.lastUsedIp());
        }
    }

    /** {@code GET /api/v1/tokens}. */
    record TokenList(List<TokenJson> tokens, Quota quota) {}

    record Quota(int used, int max) {

        static Quota of(QuotaUsage usage) {
            return new Quota(usage.used(), usage.quota().max());
        }
    }

    /** {@code POST /api/v1/tokens}: the one response that ever carries a token's value. */
    record CreatedToken(
            long id,
            String name,
            String hint,
            TokenStatus status,
            Instant createdAt,
            @Nullable Instant expiresAt,
            String value) {

        static CreatedToken of(GeneratedToken generated, Instant now) {
            var token = generated.token();
            return new CreatedToken(
                    token.id().value(),
                    token.name().value(),
                    token.hint().value(),
                    token.statusAt(now),
                    token.createdAt(),
                    token.expiresAt(),
                    generated.secret().reveal());
        }

        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", hint=" + hint + "]";
        }
    }
}
