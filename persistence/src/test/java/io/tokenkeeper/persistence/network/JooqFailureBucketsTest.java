package io.tokenkeeper.persistence.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqFailureBucketsTest {

    private static final Duration PERIOD = Duration.ofMinutes(3);

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqFailureBuckets buckets = new JooqFailureBuckets(dsl);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void counts_the_capacity_then_refuses_and_says_how_long_until_the_next_allowance() {
        for (int i = 0; i < 2; i++) {
            var taken = buckets.take("192.0.2.1", 3, PERIOD);
            assertThat(taken.counted()).isTrue();
            assertThat(taken.emptyFor()).isEmpty();
        }
        var last = buckets.take("192.0.2.1", 3, PERIOD);
        assertThat(last.counted()).isTrue();
        assertThat(last.emptyFor())
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));

        var refused = buckets.take("192.0.2.1", 3, PERIOD);
        assertThat(refused.counted()).isFalse();
        assertThat(refused.emptyFor()).isPresent();
        assertThat(buckets.take("192.0.2.2", 3, PERIOD).counted()).isTrue();
    }

    @Test
    void refills_evenly_over_the_period() throws InterruptedException {
        var period = Duration.ofMillis(600);
        buckets.take("192.0.2.3", 2, period);
        buckets.take("192.0.2.3", 2, period);
        assertThat(buckets.take("192.0.2.3", 2, period).counted()).isFalse();

        Thread.sleep(350);

        assertThat(buckets.take("192.0.2.3", 2, period).counted()).isTrue();
    }

    @Test
    void concurrent_failures_of_one_client_are_each_counted_once() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var calls = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 40; i++) {
            calls.add(
                    () -> buckets.take("2001:db8::/64", 30, Duration.ofHours(1)).counted());
        }
        long counted;
        try {
            counted = pool.invokeAll(calls).stream()
                    .filter(result -> {
                        try {
                            return result.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .count();
        } finally {
            pool.shutdown();
        }

        assertThat(counted).isEqualTo(30);
    }
}
