package io.tokenkeeper.persistence.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.token.RecordedChangeFeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The triggers of V9 and the feed that hears them: every committed write to the token policy is announced to every
 * node, once per transaction.
 */
class PolicyChangeNotificationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqPolicyStore store = new JooqPolicyStore(dsl, CLOCK);

    private RecordedChangeFeed feed;

    @BeforeEach
    void listen() throws InterruptedException {
        TestDatabase.clean();
        feed = RecordedChangeFeed.subscribe();
    }

    @AfterEach
    void unlisten() {
        feed.close();
    }

    @Test
    void saving_the_policy_is_announced_once() throws InterruptedException {
        dsl.transaction(configuration -> new JooqPolicyStore(configuration.dsl(), CLOCK)
                .save(new TokenPolicy(
                        new TokenQuota(7),
                        null,
                        List.of(IpRange.parse("f", "203.0.113.0/24"), IpRange.parse("f", "2001:db8::/32")))));

        assertThat(feed.received()).containsExactly("policy");
    }

    @Test
    void any_write_to_the_ranges_or_the_policy_row_is_announced() throws InterruptedException {
        store.save(TokenPolicy.DEFAULT);
        feed.received();

        dsl.execute("insert into trusted_ip_range (position, ip_range) values (1, '192.0.2.0/24')");
        assertThat(feed.received()).containsExactly("policy");
        dsl.execute("delete from trusted_ip_range");
        assertThat(feed.received()).containsExactly("policy");
        dsl.execute("update token_policy set token_quota = 9");
        assertThat(feed.received()).containsExactly("policy");
    }

    @Test
    void says_nothing_when_the_change_rolls_back() throws InterruptedException {
        assertThatThrownBy(() -> dsl.transaction(configuration -> {
                    configuration
                            .dsl()
                            .execute("insert into trusted_ip_range (position, ip_range) values (1, '192.0.2.0/24')");
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessageContaining("rolled back");

        assertThat(feed.received()).isEmpty();
    }
}
