package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.User;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that decides whether a token may authenticate an API request: the token as stored and its owner as
 * stored. Holds no secret, so it may be cached.
 */
public record TokenGrant(Token token, User owner) {

    public TokenGrant {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        if (!token.isOwnedBy(owner.id())) {
            throw new IllegalArgumentException("A grant pairs a token with its own owner.");
        }
    }

    /** The token is enabled, not expired, not revoked, and its owner is enabled and holds API Access. */
    public boolean allowsApiAccessAt(Instant now) {
        return token.isUsableAt(now) && ownerMayUseTheApi();
    }

    public boolean ownerMayUseTheApi() {
        return owner.mayUseTheApi();
    }
}
