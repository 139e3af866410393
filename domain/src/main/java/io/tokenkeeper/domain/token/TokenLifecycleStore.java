package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a token's value is replaced and its expiry moved, and where the old values of regenerated tokens live while
 * they still work. Implemented by the persistence module; {@link TokenLifecycle} calls it inside its transactions.
 */
public interface TokenLifecycleStore {

    /**
     * Gives the token a new value and expiry. Its current value becomes the old value of a rotation that ends at
     * {@code oldValueRetiresAt}, replacing any earlier old value; with {@code null} the current value stops at once.
     * Rotations of one token take turns.
     *
     * @return the token as it is now, and its rotation if its old value works on
     * @throws io.tokenkeeper.domain.base.NotFoundException when the token does not exist or was revoked
     */
    Regenerated replaceValue(
            TokenId id,
            TokenDigest digest,
            TokenHint hint,
            @Nullable Instant expiresAt,
            Instant at,
            @Nullable Instant oldValueRetiresAt,
            boolean untilFirstUse);

    /** The token's latest rotation, whether or not its old value still works. */
    Optional<Rotation> rotation(TokenId id);

    /** The rotations of the owner's tokens whose old values still work at {@code now}. */
    List<Rotation> ongoingRotations(UserId owner, Instant now);

    /**
     * Ends, at {@code at}, an overlap that lasts until the new value's first use, unless it ended already: of several
     * nodes that see the first use, exactly one gets {@code true}.
     */
    boolean retireOnFirstUse(TokenId id, Instant at);

    /** @throws io.tokenkeeper.domain.base.NotFoundException when the token does not exist or was revoked */
    Token changeExpiry(TokenId id, @Nullable Instant expiresAt);

    /** @param rotation {@code null} when the old value stopped at once */
    record Regenerated(Token token, @Nullable Rotation rotation) {}
}
