package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenNameTest {

    private static final String INVISIBLE = "The name contains an invisible or control character; remove it.";

    @Test
    void keeps_an_ordinary_name_as_typed() {
        assertThat(TokenName.of("CI deploy – prod (eu-west) #2 🚀").value())
                .isEqualTo("CI deploy – prod (eu-west) #2 🚀");
        assertThat(TokenName.of("DEPLOY").value()).isEqualTo("DEPLOY");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u00A0", "\u3000", "\u2003 \u202F"})
    void asks_for_a_name_when_there_is_none(String raw) {
        assertRejected(raw).hasMessage("Enter a name for the token.");
    }

    @Test
    void trims_spaces_around_the_name() {
        assertThat(TokenName.of("  Deploy key \t\n").value()).isEqualTo("Deploy key");
        assertThat(TokenName.of("\u00A0Deploy\u3000").value()).isEqualTo("Deploy");
    }

    @Test
    void accepts_100_characters() {
        assertThat(TokenName.of("a".repeat(100)).value()).hasSize(100);
    }

    @Test
    void rejects_101_characters_and_says_how_many_there_are() {
        assertRejected("a".repeat(101)).hasMessage("Use at most 100 characters (this name has 101).");
    }

    @Test
    void does_not_count_the_trimmed_spaces() {
        assertThat(TokenName.of("  " + "a".repeat(100) + "  ").value()).hasSize(100);
    }

    @Test
    void counts_an_emoji_as_one_character() {
        assertThat(TokenName.of("😀".repeat(100)).value()).hasSize(200);
        assertRejected("😀".repeat(101)).hasMessage("Use at most 100 characters (this name has 101).");
    }

    @Test
    void counts_a_letter_and_its_combining_accent_as_one_character() {
        TokenName name = TokenName.of("e\u0301".repeat(100));

        assertThat(name.value()).isEqualTo("\u00E9".repeat(100));
        assertRejected("e\u0301".repeat(101)).hasMessage("Use at most 100 characters (this name has 101).");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000", "\r", "\n", "\t", "\u0007", "\u007F", "\u0085", "\u200B", "\u200C", "\u200D", "\u200E",
                "\u202A", "\u202E", "\u2066", "\u2069", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\uD800", "\uDC00"
            })
    void rejects_an_invisible_or_control_character_inside_the_name(String invisible) {
        assertRejected("Deploy" + invisible + "key").hasMessage(INVISIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u202E", "\uFEFF", "\u2060"})
    void rejects_an_invisible_character_at_either_end(String invisible) {
        assertRejected(invisible + "Deploy").hasMessage(INVISIBLE);
        assertRejected("Deploy" + invisible).hasMessage(INVISIBLE);
    }

    @Test
    void rejects_an_overlong_name_for_its_length_first() {
        assertRejected("\u200B".repeat(101)).hasMessage("Use at most 100 characters (this name has 101).");
    }

    @Test
    void validates_in_the_constructor_too() {
        assertThatThrownBy(() -> new TokenName("a\u0000b")).isInstanceOf(InvalidInputException.class);
        assertThat(new TokenName(" e\u0301 ").value()).isEqualTo("\u00E9");
    }

    @Test
    void gives_names_differing_only_in_case_the_same_key() {
        assertThat(TokenName.of("Deploy").key())
                .isEqualTo(TokenName.of("DEPLOY").key())
                .isEqualTo(TokenName.of("deploy").key());
        assertThat(TokenName.of("Straße").key())
                .isEqualTo(TokenName.of("STRASSE").key());
        assertThat(TokenName.of("ΟΔΟΣ").key())
                .isEqualTo(TokenName.of("\u03BF\u03B4\u03BF\u03C3").key());
        assertThat(TokenName.of("İstanbul").key())
                .isEqualTo(TokenName.of("i\u0307stanbul").key());
    }

    @Test
    void gives_composed_and_decomposed_spellings_the_same_key() {
        assertThat(TokenName.of("Caf\u00E9").key())
                .isEqualTo(TokenName.of("Cafe\u0301").key());
        assertThat(TokenName.of("CAF\u00C9").key())
                .isEqualTo(TokenName.of("cafe\u0301").key());
        assertThat(TokenName.of("\u01F0").key())
                .isEqualTo(TokenName.of("J\u030C").key());
    }

    @Test
    void gives_different_names_different_keys() {
        assertThat(TokenName.of("deploy").key())
                .isNotEqualTo(TokenName.of("deploy2").key());
        assertThat(TokenName.of("cafe").key()).isNotEqualTo(TokenName.of("café").key());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String raw) {
        return assertThatThrownBy(() -> TokenName.of(raw))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
