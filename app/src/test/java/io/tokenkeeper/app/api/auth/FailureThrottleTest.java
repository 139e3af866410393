package io.tokenkeeper.app.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.network.FailureBuckets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    @Test
    void counts_ipv6_clients_per_64_block_and_ipv4_clients_per_address() {
        var throttle = new FailureThrottle(3, Duration.ofMinutes(3));

        throttle.failed("2001:db8:1:2:aaaa::1");
        throttle.failed("2001:db8:1:2:bbbb::2");
        throttle.failed("2001:0db8:0001:0002:cccc:0:0:3");

        assertThat(throttle.throttled("2001:db8:1:2:dddd::4")).isPresent();
        assertThat(throttle.throttled("2001:db8:1:3::1")).isEmpty();
        throttle.failed("192.0.2.1");
        throttle.failed("192.0.2.1");
        throttle.failed("192.0.2.1");
        assertThat(throttle.throttled("192.0.2.1")).isPresent();
        assertThat(throttle.throttled("192.0.2.2")).isEmpty();
    }

    @Test
    void a_single_failure_of_one_client_is_remembered_and_the_throttle_catches_it_at_the_limit() {
        var throttle = new FailureThrottle(2, Duration.ofMinutes(3));
        assertThat(throttle.throttled("192.0.2.1")).isEmpty();

        throttle.failed("192.0.2.1");

        assertThat(throttle.throttled("192.0.2.1")).isEmpty();
        assertThat(throttle.throttled("192.0.2.2")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.throttled("192.0.2.1")).isPresent();
        assertThat(throttle.throttled("192.0.2.2")).isEmpty();
    }

    @Test
    void a_client_the_shared_buckets_call_empty_is_refused_without_asking_them_again() {
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        FailureBuckets empty = (client, capacity, period) -> {
            asked.incrementAndGet();
            return new FailureBuckets.Taken(false, Optional.of(Duration.ofSeconds(6)), 0.5);
        };
        var throttle = new FailureThrottle(30, Duration.ofMinutes(3), empty, () -> true);

        assertThat(throttle.throttled("192.0.2.7")).isEmpty();
        assertThat(throttle.failed("192.0.2.7"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6)));
        assertThat(throttle.throttled("192.0.2.7")).isPresent();
        assertThat(throttle.failed("192.0.2.7")).isPresent();
        assertThat(asked).hasValue(1);
    }

    @Test
    void counts_in_memory_while_the_shared_buckets_cannot_be_reached() {
        FailureBuckets broken = (client, capacity, period) -> {
            throw new IllegalStateException("connection refused");
        };
        var down = new FailureThrottle(2, Duration.ofMinutes(3), broken, () -> true);
        var unreachable = new FailureThrottle(2, Duration.ofMinutes(3), broken, () -> false);

        for (var throttle : java.util.List.of(down, unreachable)) {
            assertThat(throttle.failed("192.0.2.8")).isEmpty();
            assertThat(throttle.failed("192.0.2.8")).isEmpty();
            assertThat(throttle.throttled("192.0.2.8")).isPresent();
        }
    }

    @Test
    void keys_name_the_64_block() {
        assertThat(FailureThrottle.key("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(FailureThrottle.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(FailureThrottle.key("203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
