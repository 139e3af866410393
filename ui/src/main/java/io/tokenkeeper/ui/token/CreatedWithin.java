package io.tokenkeeper.ui.token;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The choices of the Token Management page's Created filter. */
enum CreatedWithin {
    ANY_TIME("Any time", null),
    PAST_HOUR("Past hour", Duration.ofHours(1)),
    PAST_DAY("Past 24 hours", Duration.ofHours(24)),
    PAST_WEEK("Past 7 days", Duration.ofDays(7)),
    PAST_MONTH("Past 30 days", Duration.ofDays(30)),
    CUSTOM_RANGE("Custom range", null);

    private final String label;
    private final @Nullable Duration period;

    CreatedWithin(String label, @Nullable Duration period) {
        this.label = label;
        this.period = period;
    }

    String label() {
        return label;
    }

    /** How far back a preset reaches; {@code null} for any time and for a custom range. */
    @Nullable
    Duration period() {
        return period;
    }
}
