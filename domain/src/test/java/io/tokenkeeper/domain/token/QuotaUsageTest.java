package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class QuotaUsageTest {

    @Test
    void can_generate_while_below_the_quota() {
        assertThat(new QuotaUsage(0, TokenQuota.DEFAULT).canGenerate()).isTrue();
        assertThat(new QuotaUsage(4, TokenQuota.DEFAULT).canGenerate()).isTrue();
    }

    @Test
    void cannot_generate_at_or_above_the_quota() {
        assertThat(new QuotaUsage(5, TokenQuota.DEFAULT).canGenerate()).isFalse();
        assertThat(new QuotaUsage(7, TokenQuota.DEFAULT).canGenerate()).isFalse();
    }

    @Test
    void follows_a_quota_other_than_the_default() {
        assertThat(new QuotaUsage(1, new TokenQuota(2)).canGenerate()).isTrue();
        assertThat(new QuotaUsage(2, new TokenQuota(2)).canGenerate()).isFalse();
    }

    @Test
    void explains_the_limit_with_the_current_quota() {
        assertThat(new QuotaUsage(5, TokenQuota.DEFAULT).limitMessage())
                .isEqualTo("You can have at most 5 API tokens.");
        assertThat(new QuotaUsage(0, new TokenQuota(1)).limitMessage()).isEqualTo("You can have at most 1 API token.");
    }

    @Test
    void advice_at_the_limit_says_that_every_unrevoked_token_counts_and_what_to_do() {
        assertThat(new QuotaUsage(5, TokenQuota.DEFAULT).limitAdvice())
                .startsWith("You can have at most 5 API tokens.")
                .contains("Every token that is not revoked counts, disabled and expired ones too")
                .contains("revoke one you no longer need");
    }

    @Test
    void refuses_a_negative_count() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotaUsage(-1, TokenQuota.DEFAULT));
    }
}
