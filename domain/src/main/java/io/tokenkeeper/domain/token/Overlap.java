package io.tokenkeeper.domain.token;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How long the old value of a regenerated token keeps working beside the new one, so that whatever uses it can switch
 * without downtime.
 */
public enum Overlap {
    NONE("None: the old value stops at once", Duration.ZERO),
    ONE_HOUR("1 hour", Duration.ofHours(1)),
    ONE_DAY("24 hours", Duration.ofDays(1)),
    SEVEN_DAYS("7 days", Duration.ofDays(7)),
    /** Until the new value authenticates its first request, but never longer than {@link #LONGEST}. */
    UNTIL_FIRST_USE("Until the new value is first used (at most 7 days)", Duration.ofDays(7));

    /** The longest any old value keeps working. */
    public static final Duration LONGEST = Duration.ofDays(7);

    private final String label;
    private final Duration length;

    Overlap(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** When the old value of a token regenerated at {@code at} stops working at the latest; {@code null} for none. */
    @Nullable
    Instant oldValueRetiresAt(Instant at) {
        return this == NONE ? null : at.plus(length);
    }
}
