package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void lets_the_first_failures_through_then_doubles_the_wait_up_to_a_minute() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT - 1; i++) {
            throttle.failed("192.0.2.1", "alice");
        }
        assertThat(throttle.waitFor("192.0.2.1", "alice")).isEmpty();

        throttle.failed("192.0.2.1", "alice");
        assertThat(throttle.waitFor("192.0.2.1", "Alice").orElseThrow().duration())
                .isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("192.0.2.1", "alice")).isEmpty();

        var waits = new java.util.ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            throttle.failed("192.0.2.1", "alice");
            var wait = throttle.waitFor("192.0.2.1", "alice").orElseThrow();
            waits.add(wait.duration().toSeconds());
            clock.advance(wait.duration());
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void an_attacker_elsewhere_slows_the_account_but_never_its_owner_at_an_address_it_signed_in_from() {
        throttle.succeeded("198.51.100.7", "alice");
        for (int i = 0; i < 10; i++) {
            throttle.failed("203.0.113.66", "alice");
        }

        assertThat(throttle.waitFor("203.0.113.66", "alice")).isPresent();
        assertThat(throttle.waitFor("192.0.2.200", "alice"))
                .hasValueSatisfying(wait -> assertThat(wait.reason()).contains("account"));
        assertThat(throttle.waitFor("198.51.100.7", "alice")).isEmpty();
        assertThat(throttle.waitFor("203.0.113.66", "bob")).isEmpty();
    }

    @Test
    void an_address_spraying_many_accounts_is_slowed_after_twenty_failures() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("203.0.113.66", "user" + i);
        }

        assertThat(throttle.waitFor("203.0.113.66", "someone-new"))
                .hasValueSatisfying(wait -> assertThat(wait.reason()).contains("address"));
        assertThat(throttle.waitFor("203.0.113.67", "someone-new")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-28T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
