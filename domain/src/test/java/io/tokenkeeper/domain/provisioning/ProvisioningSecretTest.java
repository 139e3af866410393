package io.tokenkeeper.domain.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.base.TokenShape;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ProvisioningSecretTest {

    private final ProvisioningSecret secret = ProvisioningSecret.generate(new SecureRandom());

    @Test
    void a_value_is_tks_and_forty_base62_characters_and_has_the_shape_free_texts_refuse() {
        var value = secret.reveal();

        assertThat(value).matches("tks_[0-9A-Za-z]{40}");
        assertThat(ProvisioningSecret.isWellFormed(value)).isTrue();
        assertThat(TokenShape.containedIn("pasted " + value)).isTrue();
    }

    @Test
    void the_hint_and_to_string_show_four_characters_only() {
        assertThat(secret.hint()).isEqualTo(secret.reveal().substring(0, 8) + "…");
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(8));
    }

    @Test
    void the_digest_is_the_same_for_the_same_value_and_differs_otherwise() {
        var other = ProvisioningSecret.generate(new SecureRandom());

        assertThat(ProvisioningSecret.digestOf(secret.reveal())).isEqualTo(secret.digest());
        assertThat(other.digest()).isNotEqualTo(secret.digest());
    }

    @Test
    void other_shapes_are_not_provisioning_tokens() {
        var value = secret.reveal();

        assertThat(ProvisioningSecret.isWellFormed(null)).isFalse();
        assertThat(ProvisioningSecret.isWellFormed(value.substring(0, 43))).isFalse();
        assertThat(ProvisioningSecret.isWellFormed("tkp_" + value.substring(4))).isFalse();
        assertThat(ProvisioningSecret.isWellFormed(value.substring(0, 43) + "-"))
                .isFalse();
    }
}
