package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.Username;
import java.util.Objects;

/**
 * A row of the Token Management page: a token and the username of its owner.
 *
 * @param owner the owner's username as it is now
 */
public record ManagedToken(Token token, Username owner) {

    public ManagedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
    }
}
