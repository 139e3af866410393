package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenDigestTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 33, 64})
    void rejects_anything_but_32_bytes(int length) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenDigest(new byte[length]))
                .withMessageContaining(String.valueOf(length));
    }

    @Test
    void keeps_its_bytes_to_itself() {
        byte[] input = counting();
        TokenDigest digest = new TokenDigest(input);

        input[0] = 99;
        digest.bytes()[1] = 99;

        assertThat(digest.bytes()).isEqualTo(counting());
    }

    @Test
    void is_equal_by_content() {
        assertThat(new TokenDigest(counting()))
                .isEqualTo(new TokenDigest(counting()))
                .hasSameHashCodeAs(new TokenDigest(counting()));

        byte[] other = counting();
        other[31] = 0;
        assertThat(new TokenDigest(counting())).isNotEqualTo(new TokenDigest(other));
    }

    @Test
    void shows_only_a_prefix_in_to_string() {
        assertThat(new TokenDigest(counting())).hasToString("TokenDigest[00010203…]");
    }

    private static byte[] counting() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
