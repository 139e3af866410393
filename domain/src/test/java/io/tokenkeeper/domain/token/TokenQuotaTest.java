package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenQuotaTest {

    @Test
    void allows_five_tokens_by_default() {
        assertThat(TokenQuota.DEFAULT.max()).isEqualTo(5);
        assertThat(TokenQuota.DEFAULT.allowsAnother(0)).isTrue();
        assertThat(TokenQuota.DEFAULT.allowsAnother(4)).isTrue();
        assertThat(TokenQuota.DEFAULT.allowsAnother(5)).isFalse();
        assertThat(TokenQuota.DEFAULT.allowsAnother(6)).isFalse();
    }

    @Test
    void a_quota_of_one_allows_only_the_first_token() {
        TokenQuota one = new TokenQuota(1);

        assertThat(one.allowsAnother(0)).isTrue();
        assertThat(one.allowsAnother(1)).isFalse();
    }

    @Test
    void a_quota_of_one_hundred_refuses_the_hundred_and_first() {
        TokenQuota hundred = new TokenQuota(100);

        assertThat(hundred.allowsAnother(99)).isTrue();
        assertThat(hundred.allowsAnother(100)).isFalse();
    }

    @Test
    void explains_the_limit() {
        assertThat(TokenQuota.DEFAULT.limitMessage()).isEqualTo("You can have at most 5 API tokens.");
        assertThat(new TokenQuota(1).limitMessage()).isEqualTo("You can have at most 1 API token.");
        assertThat(new TokenQuota(2).limitMessage()).isEqualTo("You can have at most 2 API tokens.");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
    void rejects_a_limit_outside_one_to_one_hundred(int max) {
        assertThatThrownBy(() -> new TokenQuota(max))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quota"))
                .hasMessage("Choose a limit from 1 to 100 tokens (not " + max + ").");
    }

    @Test
    void refuses_a_negative_token_count() {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenQuota.DEFAULT.allowsAnother(-1));
    }
}
