package io.tokenkeeper.domain.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceServerValuesTest {

    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @ValueSource(strings = {"https://orders.example.com", "http://localhost:8081/api", "urn:example:orders"})
    void an_identifier_is_an_absolute_uri(String text) {
        assertThat(ResourceIdentifier.of("  " + text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "orders.example.com", "://x", "https://orders example.com", "1http://x", "https:"})
    void anything_else_is_refused(String text) {
        assertThatThrownBy(() -> ResourceIdentifier.of(text)).hasMessageContaining("absolute URI");
    }

    @Test
    void client_ids_and_secrets_are_random_and_well_formed() {
        var ids = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var id = ClientId.generate(random);
            assertThat(ClientId.isWellFormed(id.value())).isTrue();
            ids.add(id.value());
        }
        assertThat(ids).hasSize(1000);
        assertThat(ClientId.isWellFormed("rs_short")).isFalse();
        assertThat(ClientId.isWellFormed("rs_" + "é".repeat(16))).isFalse();

        var secret = ClientSecret.generate(random);
        assertThat(secret.reveal()).matches("tkc_[0-9A-Za-z]{40}");
        assertThat(secret.hint()).isEqualTo(secret.reveal().substring(0, 8) + "…");
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(8));
        assertThat(secret.digest()).isEqualTo(ClientSecret.digestOf(secret.reveal()));
    }
}
