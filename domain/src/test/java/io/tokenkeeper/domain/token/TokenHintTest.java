package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenHintTest {

    @Test
    void accepts_a_hint_read_back_from_storage() {
        assertThat(new TokenHint("tkp_Ab12…wxyz").value()).isEqualTo("tkp_Ab12…wxyz");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "tkp_Ab12...wxyz",
                "tkp_Ab12wxyz",
                "tkq_Ab12…wxyz",
                "tkp_Ab1…wxyz",
                "tkp_Ab12…wxyz0",
                "tkp_Ab-2…wxyz",
                "tkp_Ab12…wx z",
                "tkp_Ab12_wxyz"
            })
    void rejects_anything_else(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenHint(value));
    }
}
