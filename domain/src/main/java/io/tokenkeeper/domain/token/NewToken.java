package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A token about to be stored: its owner, name, the digest and hint of its value (never the value) and its times.
 *
 * @param expiresAt the first instant at which the token no longer works, or {@code null} if it never expires
 * @param scopes what it may do; each defined by a resource server
 * @param allowedRanges where it may be used from; empty means anywhere
 */
public record NewToken(
        UserId owner,
        TokenName name,
        TokenDigest digest,
        TokenHint hint,
        Instant createdAt,
        @Nullable Instant expiresAt,
        Set<Scope> scopes,
        List<IpRange> allowedRanges) {

    /** A token with Tokenkeeper's two scopes, usable anywhere. */
    public NewToken(
            UserId owner,
            TokenName name,
            TokenDigest digest,
            TokenHint hint,
            Instant createdAt,
            @Nullable Instant expiresAt) {
        this(owner, name, digest, hint, createdAt, expiresAt, Scope.TOKENKEEPER, List.of());
    }

    public NewToken {
        scopes = Set.copyOf(scopes);
        allowedRanges = List.copyOf(allowedRanges);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdAt, "createdAt");
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A token expires after it was created.");
        }
    }
}
