package io.tokenkeeper.ui.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the UI writes and reads points in time: one unambiguous form, in UTC, everywhere. */
public final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Times() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String formatOr(@Nullable Instant instant, String absent) {
        return instant == null ? absent : format(instant);
    }

    /** The first instant of a day in UTC; {@code null} for no day. */
    public static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after a day in UTC, so that the day is included whole; {@code null} for no day. */
    public static @Nullable Instant endOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(1, ChronoUnit.DAYS);
    }
}
