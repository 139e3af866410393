package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A token about to be stored: its owner, name, the digest and hint of its value (never the value) and its times.
 *
 * @param expiresAt the first instant at which the token no longer works, or {@code null} if it never expires
 */
public record NewToken(
        UserId owner,
        TokenName name,
        TokenDigest digest,
        TokenHint hint,
        Instant createdAt,
        @Nullable Instant expiresAt) {

    public NewToken {
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
