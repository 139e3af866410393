package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything that decides whether a token may authenticate an API request: the token as stored, its owner as stored,
 * and whether the value presented is the token's current one or the old one of a {@link Rotation}. Holds no secret,
 * so it may be cached.
 *
 * @param rotation the token's rotation, while its old value works or until it is first looked at again; {@code null}
 *     when there is none
 * @param oldValue whether it was found by the old value of {@code rotation}
 * @param canary whether the token is a decoy that never authenticates and alerts on any use
 */
public record TokenGrant(Token token, User owner, @Nullable Rotation rotation, boolean oldValue, boolean canary) {

    public TokenGrant {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        if (!token.isOwnedBy(owner.id())) {
            throw new IllegalArgumentException("A grant pairs a token with its own owner.");
        }
        if (oldValue && rotation == null) {
            throw new IllegalArgumentException("Only a rotated token has an old value.");
        }
    }

    /** A grant found by the token's current value, with no rotation under way. */
    public TokenGrant(Token token, User owner) {
        this(token, owner, null, false, false);
    }

    public boolean ownerMayUseTheApi() {
        return owner.mayUseTheApi();
    }

    /** Whether the token, and the value presented, allow a request at {@code now}; the owner is checked separately. */
    public boolean isUsableAt(Instant now) {
        if (!token.isUsableAt(now)) {
            return false;
        }
        return !oldValue || (rotation != null && rotation.oldValueWorksAt(now));
    }

    /** When the value presented stops working by itself: the token's expiry, or the old value's end if sooner. */
    public @Nullable Instant valueStopsAt() {
        var expiry = token.expiresAt();
        if (!oldValue || rotation == null) {
            return expiry;
        }
        var retires = rotation.oldValueRetiresAt();
        return expiry == null || retires.isBefore(expiry) ? retires : expiry;
    }

    /**
     * Whether this request, by the new value, should end an overlap that lasts until the new value's first use. Reads
     * the clock only for the new value of a token being rotated: every accepted request asks.
     */
    public boolean endsOverlap(Clock clock) {
        return !oldValue && rotation != null && rotation.awaitsFirstUseAt(clock.instant());
    }
}
