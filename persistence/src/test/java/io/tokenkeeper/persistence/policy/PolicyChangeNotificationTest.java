package io.tokenkeeper.persistence.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.policy.IpRange;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The triggers of V9: every committed write to the token policy is announced to every node, once per transaction. */
class PolicyChangeNotificationTest {

    private static final String CHANNEL = "tokenkeeper_token_changes";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqPolicyStore store = new JooqPolicyStore(dsl, CLOCK);

    private Connection listener;

    @BeforeEach
    void listen() throws SQLException {
        TestDatabase.clean();
        listener = TestDatabase.dataSource().getConnection();
        try (var statement = listener.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
    }

    @AfterEach
    void unlisten() throws SQLException {
        try (var statement = listener.createStatement()) {
            statement.execute("unlisten *");
        }
        listener.close();
    }

    @Test
    void saving_the_policy_is_announced_once() throws SQLException {
        dsl.transaction(configuration -> new JooqPolicyStore(configuration.dsl(), CLOCK)
                .save(new TokenPolicy(
                        new TokenQuota(7),
                        null,
                        List.of(IpRange.parse("f", "203.0.113.0/24"), IpRange.parse("f", "2001:db8::/32")))));

        assertThat(received()).containsExactly("policy");
    }

    @Test
    void any_write_to_the_ranges_or_the_policy_row_is_announced() throws SQLException {
        store.save(TokenPolicy.DEFAULT);
        received();

        dsl.execute("insert into trusted_ip_range (position, ip_range) values (1, '192.0.2.0/24')");
        assertThat(received()).containsExactly("policy");
        dsl.execute("delete from trusted_ip_range");
        assertThat(received()).containsExactly("policy");
        dsl.execute("update token_policy set token_quota = 9");
        assertThat(received()).containsExactly("policy");
    }

    @Test
    void says_nothing_when_the_change_rolls_back() throws SQLException {
        assertThatThrownBy(() -> dsl.transaction(configuration -> {
                    configuration
                            .dsl()
                            .execute("insert into trusted_ip_range (position, ip_range) values (1, '192.0.2.0/24')");
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessageContaining("rolled back");

        assertThat(received()).isEmpty();
    }

    /** What arrived on the channel within half a second, after the writes committed. */
    private List<String> received() throws SQLException {
        var payloads = new ArrayList<String>();
        var notifications = listener.unwrap(PGConnection.class).getNotifications(500);
        if (notifications != null) {
            for (var notification : notifications) {
                if (notification.getName().equals(CHANNEL)) {
                    payloads.add(notification.getParameter());
                }
            }
        }
        return payloads;
    }
}
