package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.User;
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

    public boolean ownerMayUseTheApi() {
        return owner.mayUseTheApi();
    }
}
