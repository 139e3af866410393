package io.tokenkeeper.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A regenerated token whose old value still works for a while beside the new one.
 *
 * @param oldHint the hint of the old value
 * @param oldValueRetiresAt the first instant at which the old value no longer works
 * @param untilFirstUse whether the old value stops as soon as the new one authenticates a request
 */
public record Rotation(
        TokenId token, TokenHint oldHint, Instant rotatedAt, Instant oldValueRetiresAt, boolean untilFirstUse) {

    public Rotation {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(oldHint, "oldHint");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(oldValueRetiresAt, "oldValueRetiresAt");
    }

    /** Whether the old value still works at {@code now} (if the token itself does). */
    public boolean oldValueWorksAt(Instant now) {
        return now.isBefore(oldValueRetiresAt);
    }

    /** Whether the first use of the new value at {@code now} should end the overlap. */
    public boolean awaitsFirstUseAt(Instant now) {
        return untilFirstUse && oldValueWorksAt(now);
    }
}
