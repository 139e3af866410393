package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenIdTest {

    @Test
    void accepts_a_positive_id() {
        assertThat(new TokenId(1).value()).isEqualTo(1);
        assertThat(new TokenId(Long.MAX_VALUE)).isEqualTo(new TokenId(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void rejects_an_id_that_is_not_positive(long value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenId(value));
    }
}
