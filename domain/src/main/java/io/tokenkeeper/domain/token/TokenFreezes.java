package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Freezes of a user's tokens: which tokens a freeze disabled, so that ending it re-enables exactly those. A user has
 * at most one active freeze. Implemented by the persistence module; {@link TokenAdministration} freezes and
 * unfreezes inside its transactions, and {@link TokenService} asks whether an owner is frozen.
 */
public interface TokenFreezes {

    /** Whether the owner has an active freeze. */
    boolean isFrozen(UserId owner);

    /** The owner's tokens that the active freeze holds disabled (none without a freeze). */
    Set<TokenId> heldByFreeze(UserId owner);

    /**
     * Starts a freeze: disables every token of the owner that is switched on and not revoked, and remembers exactly
     * those.
     *
     * @return the tokens it disabled, newest first; empty when none was switched on
     * @throws io.tokenkeeper.domain.base.ConflictException when the owner already has an active freeze
     */
    List<Token> freeze(UserId owner, String reason, UserId by, Instant at);

    /**
     * Ends the owner's active freeze and switches on again those of its tokens that are still disabled and not
     * revoked. A token someone enabled or revoked in the meantime is left as it is.
     *
     * @return the tokens it enabled, newest first
     * @throws io.tokenkeeper.domain.base.ConflictException when the owner has no active freeze
     */
    List<Token> unfreeze(UserId owner, UserId by, Instant at);
}
