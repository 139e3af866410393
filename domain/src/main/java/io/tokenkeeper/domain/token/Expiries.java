package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The rules an expiry date chosen for a token must meet, wherever it is chosen (creation, extension): in the future,
 * before the year 10000, and within the policy's longest lifetime from now. Stored to the microsecond, as PostgreSQL
 * keeps it.
 */
final class Expiries {

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Expiries() {}

    /** {@code expiresAt} to the microsecond, when it lies in the future and before the year 10000. */
    static @Nullable Instant requireFuture(@Nullable Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return null;
        }
        var expiry = expiresAt.truncatedTo(ChronoUnit.MICROS);
        if (!expiry.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "Choose an expiry date in the future.");
        }
        if (expiry.isAfter(LATEST)) {
            throw new InvalidInputException("expiresAt", "Choose an expiry date before the year 10000.");
        }
        return expiry;
    }

    /** The latest expiry the policy's {@code longest} lifetime allows from {@code now}. */
    static Instant latest(Duration longest, Instant now) {
        return now.plus(longest).truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code expiry}, when it is no later than {@code longest} from {@code now}. */
    static Instant requireWithin(Instant expiry, Duration longest, Instant now) {
        var latest = latest(longest, now);
        if (expiry.isAfter(latest)) {
            throw new InvalidInputException(
                    "expiresAt",
                    "Tokens may live at most " + longest.toDays() + " days from now: choose an expiry date no later"
                            + " than " + latest.atOffset(ZoneOffset.UTC).toLocalDate() + ".");
        }
        return expiry;
    }
}
