package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.UI;
import io.tokenkeeper.domain.base.LocalDays;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the UI writes and reads points in time: in the time zone of the person's browser. The server keeps exact
 * instants; a day someone picks or filters by is a day in their zone. Until the browser has said which zone it is in
 * (and in a request without a browser), that zone is UTC.
 */
public final class Times {

    /** How far back or ahead a time is written relative to now ("3 hours ago", "in 5 days"). */
    static final Duration RECENT = Duration.ofDays(30);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter EXACT_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private Times() {}

    /** The browser's time zone in the current UI, or UTC while it is not known. */
    public static ZoneId zone() {
        var ui = UI.getCurrent();
        var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        var id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** E.g. 2026-11-28 15:05, in the browser's zone. */
    public static String local(Instant instant) {
        return LOCAL.format(instant.atZone(zone()));
    }

    /** {@link #local} of a time that may be absent, e.g. "never" for a token without an expiry. */
    public static String localOr(@Nullable Instant instant, String absent) {
        return instant == null ? absent : local(instant);
    }

    /**
     * The time to the second in the browser's zone and in UTC, for a tooltip: e.g. Sat 2026-11-28 15:05:09
     * Europe/Berlin (2026-11-28 14:05:09 UTC). In UTC only when the browser is in UTC.
     */
    public static String exact(Instant instant) {
        var zone = zone();
        String local = EXACT.format(instant.atZone(zone));
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return local + " UTC";
        }
        return local + " " + zone.getId() + " (" + EXACT_UTC.format(instant) + " UTC)";
    }

    /**
     * A time near {@code now} relative to it ("just now", "3 hours ago", "in 5 days"); one further away than
     * {@link #RECENT} as {@link #local}.
     */
    public static String relative(Instant instant, Instant now) {
        var distance = Duration.between(instant, now);
        boolean past = !distance.isNegative();
        distance = distance.abs();
        if (distance.compareTo(RECENT) >= 0) {
            return local(instant);
        }
        if (distance.toMinutes() < 1) {
            return past ? "just now" : "in less than a minute";
        }
        String amount;
        if (distance.toHours() < 1) {
            amount = count(distance.toMinutes(), "minute");
        } else if (distance.toDays() < 1) {
            amount = count(distance.toHours(), "hour");
        } else {
            amount = count(distance.toDays(), "day");
        }
        return past ? amount + " ago" : "in " + amount;
    }

    /** {@link #relative} of a time that may be absent, e.g. "Never" for a token never used. */
    public static String relativeOr(@Nullable Instant instant, Instant now, String absent) {
        return instant == null ? absent : relative(instant, now);
    }

    /** {@link #exact} of a time that may be absent; {@code null} (no tooltip) when it is. */
    public static @Nullable String exactOrNull(@Nullable Instant instant) {
        return instant == null ? null : exact(instant);
    }

    /** The day it is at {@code now} in the browser's zone. */
    public static LocalDate today(Instant now) {
        return LocalDays.today(now, zone());
    }

    /** The same {@link #zone()} as a short name for helper texts, e.g. Europe/Berlin or UTC. */
    public static String zoneName() {
        var zone = zone();
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** E.g. Sun 27 Dec 2026. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The first instant of a day in the browser's zone; {@code null} for no day. */
    public static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : LocalDays.startOf(day, zone());
    }

    /**
     * The first instant after a day in the browser's zone, so that the day is included whole: what "until the end of
     * this day" means. {@code null} for no day.
     */
    public static @Nullable Instant endOf(@Nullable LocalDate day) {
        return day == null ? null : LocalDays.endOf(day, zone());
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
