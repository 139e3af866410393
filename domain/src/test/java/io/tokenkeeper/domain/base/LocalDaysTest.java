package io.tokenkeeper.domain.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalDaysTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void a_day_picked_in_new_york_ends_at_midnight_new_york_time() {
        var tomorrow = LocalDate.of(2026, 11, 29);

        assertThat(LocalDays.endOf(tomorrow, NEW_YORK)).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
    }

    @Test
    void a_day_picked_in_tokyo_ends_at_midnight_tokyo_time() {
        var today = LocalDate.of(2026, 11, 29);

        assertThat(LocalDays.endOf(today, TOKYO)).isEqualTo(Instant.parse("2026-11-29T15:00:00Z"));
        assertThat(LocalDays.startOf(today, TOKYO)).isEqualTo(Instant.parse("2026-11-28T15:00:00Z"));
    }

    @Test
    void today_is_the_day_of_the_zone_not_of_utc() {
        var lateEveningInNewYork = Instant.parse("2026-11-29T03:00:00Z");

        assertThat(LocalDays.today(lateEveningInNewYork, NEW_YORK)).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(LocalDays.today(lateEveningInNewYork, TOKYO)).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void the_last_day_within_a_lifetime_ends_before_the_lifetime_does() {
        var now = Instant.parse("2026-11-28T20:00:00Z");

        var last = LocalDays.lastDayEndingWithin(now, Duration.ofDays(30), ZoneId.of("UTC"));

        assertThat(last).isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(LocalDays.endOf(last, ZoneId.of("UTC"))).isBefore(now.plus(Duration.ofDays(30)));
    }

    @Test
    void a_lifetime_ending_exactly_at_midnight_keeps_its_last_day() {
        var now = Instant.parse("2026-11-28T00:00:00Z");

        assertThat(LocalDays.lastDayEndingWithin(now, Duration.ofDays(30), ZoneId.of("UTC")))
                .isEqualTo(LocalDate.of(2026, 12, 27));
    }
}
