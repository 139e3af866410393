package io.tokenkeeper.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders:read", "orders:write", "a:b", "billing-v2:read_all", "x1:y2"})
    void accepts_two_lower_case_words_joined_by_a_colon(String text) {
        assertThat(Scope.of(" " + text + " ").value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "orders",
                ":read",
                "orders:",
                "Orders:read",
                "orders:Read",
                "orders:read:all",
                "1orders:read",
                "orders:-read",
                "orders read:x",
                "orders:réad",
                "orders:read\u0000"
            })
    void refuses_anything_else_with_the_rule(String text) {
        assertThatThrownBy(() -> Scope.of(text)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("scopes");
            assertThat(e.getMessage()).startsWith(Scope.RULE);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void is_at_most_64_characters(int length) {
        var text = "a:" + "b".repeat(length - 2);
        assertThat(Scope.isWellFormed(text)).isEqualTo(length <= 64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenkeeper:read"})
    void names_its_namespace(String text) {
        assertThat(Scope.of(text).namespace()).isEqualTo("tokenkeeper");
    }
}
