package io.tokenkeeper.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.token.TokenQuota;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    @Test
    void the_default_allows_five_tokens_any_lifetime_and_any_address() {
        assertThat(TokenPolicy.DEFAULT.quota().max()).isEqualTo(5);
        assertThat(TokenPolicy.DEFAULT.maxLifetimeDays()).isNull();
        assertThat(TokenPolicy.DEFAULT.trusts("198.51.100.1")).isTrue();
    }

    @Test
    void refuses_a_lifetime_outside_one_day_to_ten_years() {
        assertThatThrownBy(() -> new TokenPolicy(TokenQuota.DEFAULT, 0, List.of()))
                .hasMessage("Choose a lifetime from 1 to 3650 days, or none.");
        assertThatThrownBy(() -> new TokenPolicy(TokenQuota.DEFAULT, 3651, List.of()))
                .hasMessage("Choose a lifetime from 1 to 3650 days, or none.");
    }

    @Test
    void refuses_more_than_25_trusted_ranges() {
        var ranges = Collections.nCopies(26, IpRange.parse("f", "10.0.0.0/8"));

        assertThatThrownBy(() -> new TokenPolicy(TokenQuota.DEFAULT, null, ranges))
                .hasMessage("Enter at most 25 addresses or ranges (there are 26).");
    }

    @Test
    void trusted_ranges_limit_where_calls_may_come_from() {
        var policy = new TokenPolicy(TokenQuota.DEFAULT, null, List.of(IpRange.parse("f", "203.0.113.0/24")));

        assertThat(policy.trusts("203.0.113.9")).isTrue();
        assertThat(policy.trusts("198.51.100.1")).isFalse();
    }
}
