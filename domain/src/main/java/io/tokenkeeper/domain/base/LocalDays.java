package io.tokenkeeper.domain.base;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days as a person means them: in their own time zone. The server keeps exact instants; a day someone picks ("expires
 * on 2026-12-24", "created from 2026-11-01") becomes the instants of that day where they are.
 */
public final class LocalDays {

    private LocalDays() {}

    /** The first instant of {@code day} in {@code zone}. */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * The first instant after {@code day} in {@code zone}: what "until the end of this day" means. A token that
     * expires on a day works through all of it and stops at this instant.
     */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The day it is at {@code now} in {@code zone}. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The last day in {@code zone} that ends no later than {@code now} plus {@code longest}. */
    public static LocalDate lastDayEndingWithin(Instant now, Duration longest, ZoneId zone) {
        var limit = now.plus(longest);
        var day = LocalDate.ofInstant(limit, zone);
        return endOf(day, zone).isAfter(limit) ? day.minusDays(1) : day;
    }
}
