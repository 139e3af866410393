package io.tokenkeeper.app.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tokenkeeper.app.base.DatabaseStatus;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.TokenQuota;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The cached policy's rules, without a database: what it keeps, when it reads again, and loads that race a change. */
class CachedPolicyTest {

    private final BackgroundWork background = new BackgroundWork();
    private TokenPolicy stored = TokenPolicy.DEFAULT;
    private int loads;
    private Consumer<CachedPolicy> duringLoad = cache -> {};
    private CachedPolicy cache;

    @BeforeEach
    void setUp() {
        cache = cacheFor(Duration.ofHours(1));
        cache.listening(true);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        background.close();
    }

    @Test
    void without_ranges_every_address_is_trusted_and_the_policy_is_read_once() {
        assertThat(cache.trusts("198.51.100.7")).isTrue();
        assertThat(cache.trusts(null)).isTrue();
        assertThat(cache.trusts("2001:db8::1")).isTrue();

        assertThat(loads).isEqualTo(1);
    }

    @Test
    void with_ranges_only_addresses_in_them_are_trusted_and_an_unknown_address_is_not() {
        stored = withRanges("203.0.113.0/24", "2001:db8::/32");

        assertThat(cache.trusts("203.0.113.77")).isTrue();
        assertThat(cache.trusts("2001:db8:0:1::5")).isTrue();
        assertThat(cache.trusts("203.0.114.1")).isFalse();
        assertThat(cache.trusts("203.0.114.1")).isFalse();
        assertThat(cache.trusts(null)).isFalse();
        assertThat(cache.trusts("not an address")).isFalse();
        assertThat(loads).isEqualTo(1);
    }

    @Test
    void a_change_is_read_again_on_the_next_request() {
        assertThat(cache.trusts("198.51.100.7")).isTrue();
        stored = withRanges("203.0.113.0/24");

        assertThat(cache.trusts("198.51.100.7")).isTrue();
        cache.evict();

        assertThat(cache.trusts("198.51.100.7")).isFalse();
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void a_load_that_overlapped_a_change_serves_its_request_but_is_not_kept() {
        duringLoad = CachedPolicy::evict;
        assertThat(cache.trusts("198.51.100.7")).isTrue();
        duringLoad = each -> {};
        stored = withRanges("203.0.113.0/24");

        assertThat(cache.trusts("198.51.100.7")).isFalse();
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void while_not_listening_the_policy_is_read_for_every_request() {
        cache.listening(false);

        cache.trusts("198.51.100.7");
        cache.trusts("198.51.100.7");
        assertThat(loads).isEqualTo(2);

        cache.listening(true);
        cache.trusts("198.51.100.7");
        cache.trusts("198.51.100.7");
        assertThat(loads).isEqualTo(3);
    }

    @Test
    void past_its_lifetime_the_policy_is_read_again_even_without_a_notification() {
        var shortLived = cacheFor(Duration.ZERO);
        shortLived.listening(true);

        shortLived.trusts("198.51.100.7");
        stored = withRanges("203.0.113.0/24");

        assertThat(shortLived.trusts("198.51.100.7")).isFalse();
        assertThat(loads).isEqualTo(2);
    }

    private CachedPolicy cacheFor(Duration lifetime) {
        return new CachedPolicy(
                () -> {
                    loads++;
                    duringLoad.accept(cache);
                    return stored;
                },
                lifetime,
                background,
                new DatabaseStatus(new SimpleDriverDataSource(), Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    private static TokenPolicy withRanges(String... ranges) {
        return new TokenPolicy(
                TokenQuota.DEFAULT,
                null,
                List.of(ranges).stream()
                        .map(range -> IpRange.parse("trustedRanges", range))
                        .toList());
    }
}
