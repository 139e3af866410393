package io.tokenkeeper.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.util.Locale;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @Test
    void states_the_rule_people_see() {
        assertThat(Username.RULE)
                .isEqualTo(
                        "Use 2–64 letters, digits, dots, hyphens, underscores or @, starting with a letter or digit.");
        assertThat(Username.MAX_LENGTH).isEqualTo(64);
    }

    @Test
    void accepts_two_characters() {
        assertThat(new Username("ab").value()).isEqualTo("ab");
    }

    @Test
    void accepts_64_characters() {
        String longest = "a".repeat(64);

        assertThat(new Username(longest).value()).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "7"})
    void refuses_fewer_than_two_characters(String tooShort) {
        assertRejected(tooShort).hasMessage(Username.RULE);
    }

    @Test
    void refuses_65_characters() {
        assertRejected("a".repeat(65)).hasMessage(Username.RULE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice",
                "Alice",
                "ALICE",
                "a1",
                "1a",
                "007",
                "alice.smith",
                "alice_smith",
                "alice-smith",
                "alice@example.com",
                "a.",
                "a_",
                "a-",
                "a@",
                "a._-@b"
            })
    void accepts_letters_digits_and_punctuation_after_the_first_character(String name) {
        assertThat(new Username(name).value()).isEqualTo(name);
        assertThat(Username.isWellFormed(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {".alice", "_alice", "-alice", "@alice", "..", "@@"})
    void refuses_punctuation_as_the_first_character(String name) {
        assertRejected(name).hasMessage(Username.RULE);
        assertThat(Username.isWellFormed(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "al ice",
                "alice ",
                " alice",
                "al\u00A0ice",
                "al\tice",
                "al\nice",
                "al\u0000ice",
                "al\u200Bice",
                "al\u202Eice",
                "ålice",
                "alicé",
                "\u0430lice",
                "ａｌｉｃｅ",
                "al😀ice",
                "東京",
                "al+ice",
                "al/ice",
                "al!ice",
                "al'ice",
                "al,ice",
                "al:ice",
                "al#ice",
                "al~ice"
            })
    void refuses_spaces_other_symbols_non_ascii_and_control_characters(String name) {
        assertRejected(name).hasMessage(Username.RULE);
        assertThat(Username.isWellFormed(name)).isFalse();
    }

    @Test
    void refuses_null_in_the_constructor_with_the_rule() {
        assertRejected(null).hasMessage(Username.RULE);
    }

    @Test
    void is_not_well_formed_when_null() {
        assertThat(Username.isWellFormed(null)).isFalse();
    }

    @Test
    void judges_length_the_same_way_as_the_constructor() {
        assertThat(Username.isWellFormed("ab")).isTrue();
        assertThat(Username.isWellFormed("a".repeat(64))).isTrue();
        assertThat(Username.isWellFormed("a")).isFalse();
        assertThat(Username.isWellFormed("a".repeat(65))).isFalse();
    }

    @Test
    void trims_what_was_typed() {
        assertThat(Username.of("  alice \t\r\n").value()).isEqualTo("alice");
        assertThat(Username.of("\u3000alice\u2003").value()).isEqualTo("alice");
    }

    @Test
    void does_not_count_trimmed_spaces_towards_the_length() {
        assertThat(Username.of("  " + "a".repeat(64) + "  ").value()).isEqualTo("a".repeat(64));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\r\n", " \t\n "})
    void asks_for_a_username_when_there_is_none(String raw) {
        assertThatThrownBy(() -> Username.of(raw))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessage("Enter a username.");
    }

    @Test
    void applies_the_rule_after_trimming() {
        assertThatThrownBy(() -> Username.of("  a  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessage(Username.RULE);
        assertThatThrownBy(() -> Username.of("al ice")).hasMessage(Username.RULE);
    }

    @Test
    void keeps_the_case_it_was_typed_in() {
        Username username = Username.of("Alice.Smith");

        assertThat(username.value()).isEqualTo("Alice.Smith");
        assertThat(username).hasToString("Alice.Smith");
    }

    @Test
    void gives_names_differing_only_in_case_the_same_key() {
        assertThat(Username.of("Alice").key())
                .isEqualTo(Username.of("ALICE").key())
                .isEqualTo(Username.of("alice").key())
                .isEqualTo("alice");
        assertThat(new Username("Bob_Smith@Example.COM").key()).isEqualTo("bob_smith@example.com");
    }

    @Test
    void lower_cases_the_same_way_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(new Username("ISTANBUL").key()).isEqualTo("istanbul");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void gives_different_names_different_keys() {
        assertThat(Username.of("alice").key())
                .isNotEqualTo(Username.of("alice2").key());
        assertThat(Username.of("alice.smith").key())
                .isNotEqualTo(Username.of("alice_smith").key());
    }

    @Test
    void treats_names_differing_in_case_as_different_values() {
        assertThat(new Username("Alice")).isNotEqualTo(new Username("alice"));
        assertThat(new Username("alice")).isEqualTo(Username.of(" alice "));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String value) {
        return assertThatThrownBy(() -> new Username(value))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
    }
}
