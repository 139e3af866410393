package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.Username;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of the Token Management page: a token, the username of its owner, and what the page shows instead of a plain
 * status.
 *
 * @param owner the owner's username as it is now
 * @param frozen whether the token is held disabled by its owner's active freeze
 * @param rotation the token's regeneration whose old value still works, if any
 * @param canary whether the token is a decoy that never authenticates and raises the alarm when used
 */
public record ManagedToken(
        Token token,
        Username owner,
        boolean frozen,
        @Nullable Rotation rotation,
        boolean canary) {

    public ManagedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
    }

    /** An ordinary token, neither frozen nor being rotated. */
    public ManagedToken(Token token, Username owner) {
        this(token, owner, false, null, false);
    }
}
