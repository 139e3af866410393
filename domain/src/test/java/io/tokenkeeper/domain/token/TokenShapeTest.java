package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.TokenShape;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.Username;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenShapeTest {

    private static final String VALUE = TokenSecret.generate(new SecureRandom()).reveal();

    @Test
    void finds_a_token_value_alone_inside_text_or_glued_to_more_characters() {
        assertThat(TokenShape.containedIn(VALUE)).isTrue();
        assertThat(TokenShape.containedIn("my token is " + VALUE + ", keep it")).isTrue();
        assertThat(TokenShape.containedIn("x" + VALUE + "yz")).isTrue();
        assertThat(TokenShape.containedIn("tkp_tkp_" + VALUE.substring(4))).isTrue();
        assertThat(TokenShape.containedIn("secret tkc_" + "a".repeat(40))).isTrue();
        assertThat(TokenShape.containedIn("scim tks_" + "B".repeat(40))).isTrue();
    }

    @Test
    void leaves_text_that_only_mentions_the_prefix_or_a_hint_alone() {
        assertThat(TokenShape.containedIn("tkp_")).isFalse();
        assertThat(TokenShape.containedIn("the tkp_ prefix")).isFalse();
        assertThat(TokenShape.containedIn("tkp_Ab12…wxyz")).isFalse();
        assertThat(TokenShape.containedIn(VALUE.substring(0, 41))).isFalse();
        assertThat(TokenShape.containedIn("TKP_" + VALUE.substring(4))).isFalse();
        assertThat(TokenShape.containedIn("tkx_" + VALUE.substring(4))).isFalse();
    }

    @Test
    void a_token_name_holding_a_token_value_is_refused_with_a_reason() {
        assertThatThrownBy(() -> TokenName.of("CI " + VALUE)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.getMessage()).contains("looks like an API token").doesNotContain(VALUE);
        });
    }

    @Test
    void display_names_email_addresses_usernames_and_reasons_refuse_token_values_too() {
        assertThatThrownBy(() -> DisplayName.of(VALUE)).hasMessageContaining("looks like an API token");
        assertThatThrownBy(() -> EmailAddress.optional(VALUE + "@example.com"))
                .hasMessageContaining("looks like an API token");
        assertThatThrownBy(() -> Username.of(VALUE)).hasMessageContaining("looks like an API token");
        assertThatThrownBy(() -> Username.of("tks_" + VALUE.substring(4) + "ab"))
                .hasMessageContaining("looks like an API token");
        assertThatThrownBy(() -> Text.require("reason", "a reason", "leaked: " + VALUE, 500))
                .hasMessageContaining("looks like an API token");
    }

    @Test
    void the_token_format_and_the_shape_agree_on_the_prefix_and_length() {
        assertThat(TokenSecret.PREFIX).isEqualTo(TokenShape.PREFIX);
        assertThat(TokenSecret.LENGTH).isEqualTo(TokenShape.PREFIX.length() + TokenShape.BODY_LENGTH);
    }
}
