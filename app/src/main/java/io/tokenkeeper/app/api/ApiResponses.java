package io.tokenkeeper.app.api;

import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.ManagedToken;
import io.tokenkeeper.domain.token.QuotaUsage;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenStatus;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserSummary;
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
            @Nullable String lastUsedIp,
            @Nullable String lastUsedResourceServer) {

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
                    token.lastUsedIp(),
                    lastServerOf(token));
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
            List<String> scopes,
            List<String> allowedAddresses,
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
                    token.scopes().stream().map(Scope::value).sorted().toList(),
                    token.allowedRanges().stream().map(Object::toString).toList(),
                    generated.secret().reveal());
        }

        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", hint=" + hint + "]";
        }
    }

    /** A user as administrators see it: never a password or hash. */
    record AdminUser(
            long id,
            String username,
            String displayName,
            @Nullable String email,
            boolean enabled,
            List<Privilege> privileges,
            Instant createdAt) {

        static AdminUser of(User user) {
            return new AdminUser(
                    user.id().value(),
                    user.username().value(),
                    user.displayName().value(),
                    user.email() == null ? null : user.email().value(),
                    user.enabled(),
                    user.privileges().stream().sorted().toList(),
                    user.createdAt());
        }
    }

    /** A row of {@code GET /api/v1/admin/users}: the user and how many tokens they hold (not revoked). */
    record AdminUserRow(AdminUser user, int activeTokens) {

        static AdminUserRow of(UserSummary summary) {
            return new AdminUserRow(AdminUser.of(summary.user()), summary.activeTokens());
        }
    }

    /** {@code GET /api/v1/admin/users}: one page, and how many users match in all. */
    record UserPage(List<AdminUserRow> users, int offset, int limit, long total) {}

    /** Anyone's token as administrators see it: its owner, and never its value. */
    record AdminToken(
            long id,
            String name,
            String hint,
            long ownerId,
            String owner,
            TokenStatus status,
            boolean enabled,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable String lastUsedIp,
            @Nullable String lastUsedResourceServer) {

        static AdminToken of(ManagedToken managed, Instant now) {
            return of(managed.token(), managed.owner().value(), now);
        }

        static AdminToken of(Token token, String owner, Instant now) {
            return new AdminToken(
                    token.id().value(),
                    token.name().value(),
                    token.hint().value(),
                    token.ownerId().value(),
                    owner,
                    token.statusAt(now),
                    token.enabled(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.lastUsedIp(),
                    lastServerOf(token));
        }
    }

    /**
     * {@code GET /api/v1/admin/tokens}: one page of the tokens that match.
     *
     * @param total how many match, counted up to the most that can be paged through
     * @param totalCapped more than {@code total} match: only the first {@code total} can be paged through; narrow the
     *     search to see the others
     */
    record TokenPage(List<AdminToken> tokens, int offset, int limit, long total, boolean totalCapped) {}

    /** The identifier of the resource server the token was last used at, when it is known and still registered. */
    private static @Nullable String lastServerOf(Token token) {
        var server = token.lastUsedServer();
        return server == null ? null : server.identifier();
    }
}
