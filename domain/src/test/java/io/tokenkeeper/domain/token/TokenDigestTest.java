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
                .isThrownBy(() -> TokenDigest.of(new byte[length]))
                .withMessageContaining(String.valueOf(length));
    }

    @Test
    void keeps_its_bytes_to_itself() {
        byte[] input = counting();
        TokenDigest digest = TokenDigest.of(input);

        input[0] = 99;
        digest.bytes()[1] = 99;

        assertThat(digest.bytes()).isEqualTo(counting());
    }

    @Test
    void is_equal_by_content() {
        assertThat(TokenDigest.of(counting()))
                .isEqualTo(new TokenDigest(counting()))
                .hasSameHashCodeAs(TokenDigest.of(counting()));

        byte[] other = counting();
        other[31] = 0;
        assertThat(TokenDigest.of(counting())).isNotEqualTo(TokenDigest.of(other));
    }

    @Test
    void writes_lowercase_hex() {
        assertThat(TokenDigest.of(counting()).toHex())
                .isEqualTo("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    }

    @Test
    void shows_only_a_prefix_in_to_string() {
        assertThat(TokenDigest.of(counting())).hasToString("TokenDigest[00010203…]");
    }

    private static byte[] counting() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
