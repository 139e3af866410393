package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenStatusTest {

    @Test
    void labels_each_status_for_people() {
        assertThat(Arrays.stream(TokenStatus.values()).map(TokenStatus::label))
                .containsExactly("Enabled", "Disabled", "Expired", "Revoked");
    }
}
