package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.ResourceServerLabel;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token as stored: never its value, only its {@link TokenHint}. {@link TokenService} changes tokens
 * through the {@link TokenStore}, which refuses to change a revoked one.
 *
 * @param ownerId the user the token belongs to and acts for
 * @param enabled the owner's or an administrator's switch; says nothing about expiry or revocation
 * @param expiresAt the first instant at which the token no longer works, or {@code null} if it never expires
 * @param revokedAt when the token was revoked, or {@code null}
 * @param lastUsedAt when the token last authenticated a request, or {@code null}
 * @param lastUsedIp the client address of that request, or {@code null}
 * @param lastUsedServer the resource server that request was at (Tokenkeeper's own API or one that asked about the
 *     token), or {@code null} when that is unknown: never used since it was recorded, or the server was deleted
 * @param scopes what the token may do, at Tokenkeeper's own API and at registered resource servers; fixed at creation
 * @param allowedRanges where the token may be used from; empty means anywhere
 */
public record Token(
        TokenId id,
        UserId ownerId,
        TokenName name,
        TokenHint hint,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        @Nullable String lastUsedIp,
        @Nullable ResourceServerLabel lastUsedServer,
        Set<Scope> scopes,
        List<IpRange> allowedRanges) {

    public Token {
        scopes = Set.copyOf(scopes);
        allowedRanges = List.copyOf(allowedRanges);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A token with Tokenkeeper's two scopes usable anywhere, as every token was before scopes existed. */
    public Token(
            TokenId id,
            UserId ownerId,
            TokenName name,
            TokenHint hint,
            boolean enabled,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt,
            @Nullable String lastUsedIp) {
        this(
                id,
                ownerId,
                name,
                hint,
                enabled,
                createdAt,
                expiresAt,
                revokedAt,
                lastUsedAt,
                lastUsedIp,
                null,
                Scope.TOKENKEEPER,
                List.of());
    }

    public boolean holds(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether the token may be used from {@code clientAddress}; an unknown address is allowed only without ranges. */
    public boolean allowsAddress(@Nullable String clientAddress) {
        if (allowedRanges.isEmpty()) {
            return true;
        }
        for (var range : allowedRanges) {
            if (range.contains(clientAddress)) {
                return true;
            }
        }
        return false;
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }

    /** Revoked beats expired, expired beats the enabled switch; the token expires exactly at {@code expiresAt}. */
    public TokenStatus statusAt(Instant now) {
        if (isRevoked()) {
            return TokenStatus.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return TokenStatus.EXPIRED;
        }
        return enabled ? TokenStatus.ENABLED : TokenStatus.DISABLED;
    }

    /** Whether the token itself allows a request at {@code now}; its owner must be checked separately. */
    public boolean isUsableAt(Instant now) {
        return statusAt(now) == TokenStatus.ENABLED;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
