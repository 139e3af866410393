package io.tokenkeeper.domain.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final String INVISIBLE = "This contains an invisible or control character; remove it.";

    @Test
    void normalises_null_to_the_empty_string() {
        assertThat(Text.normalise(null)).isEmpty();
    }

    @Test
    void strips_white_space_around_the_text_but_not_inside_it() {
        assertThat(Text.normalise("  Ada  Lovelace \t\r\n")).isEqualTo("Ada  Lovelace");
        assertThat(Text.normalise("\u3000Ada\u2003")).isEqualTo("Ada");
        assertThat(Text.normalise(" \t\n ")).isEmpty();
    }

    @Test
    void composes_letters_and_accents_into_nfc() {
        assertThat(Text.normalise("Cafe\u0301")).isEqualTo("Caf\u00E9");
        assertThat(Text.normalise("\u212B")).isEqualTo("\u00C5");
        assertThat(Text.normalise("Caf\u00E9")).isEqualTo("Caf\u00E9");
    }

    @Test
    void counts_length_in_code_points() {
        assertThat(Text.length("")).isZero();
        assertThat(Text.length("Ada")).isEqualTo(3);
        assertThat(Text.length("😀")).isEqualTo(1);
        assertThat(Text.length("😀😀a")).isEqualTo(3);
        assertThat(Text.length("\u00E9")).isEqualTo(1);
    }

    @Test
    void counts_a_decomposed_accent_as_its_own_code_point() {
        assertThat(Text.length("e\u0301")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\t", "\n", "\r", "\u0007", "\u001B", "\u007F", "\u0085"})
    void finds_a_control_character(String control) {
        assertThat(Character.getType(control.codePointAt(0))).isEqualTo(Character.CONTROL);
        assertThat(Text.hasInvisibleCharacter("Ada" + control + "Lovelace")).isTrue();
        assertThat(Text.hasInvisibleCharacter(control)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u00AD",
                "\u200B",
                "\u200C",
                "\u200D",
                "\u200E",
                "\u200F",
                "\u202A",
                "\u202E",
                "\u2060",
                "\u2066",
                "\u2069",
                "\uFEFF",
                "\uDB40\uDC01"
            })
    void finds_a_format_character(String format) {
        assertThat(Character.getType(format.codePointAt(0))).isEqualTo(Character.FORMAT);
        assertThat(Text.hasInvisibleCharacter("Ada" + format + "Lovelace")).isTrue();
        assertThat(Text.hasInvisibleCharacter(format)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ada Lovelace", "Caf\u00E9", "e\u0301", "😀", "Ωμέγα", "東京", "a-b_c.d@e #1!"})
    void finds_nothing_invisible_in_ordinary_text(String text) {
        assertThat(Text.hasInvisibleCharacter(text)).isFalse();
    }

    @Test
    void returns_text_that_keeps_the_rules() {
        assertThat(Text.require("field", "a value", "Ada", 3)).isEqualTo("Ada");
        assertThat(Text.require("field", "a value", "😀😀😀", 3)).isEqualTo("😀😀😀");
    }

    @Test
    void asks_for_the_labelled_value_when_the_text_is_empty() {
        assertRequireRejects("displayName", "a display name", "", 10)
                .hasMessage("Enter a display name.")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("displayName"));
        assertRequireRejects("comment", "a comment", "", 10).hasMessage("Enter a comment.");
    }

    @Test
    void refuses_text_over_the_limit_and_says_how_long_it_is() {
        assertRequireRejects("field", "a value", "abcd", 3).hasMessage("Use at most 3 characters (this has 4).");
        assertRequireRejects("field", "a value", "a".repeat(250), 100)
                .hasMessage("Use at most 100 characters (this has 250).");
    }

    @Test
    void measures_the_limit_in_code_points() {
        assertRequireRejects("field", "a value", "😀😀😀😀", 3).hasMessage("Use at most 3 characters (this has 4).");
    }

    @Test
    void refuses_an_invisible_character() {
        assertRequireRejects("field", "a value", "Ada\u200BLovelace", 100).hasMessage(INVISIBLE);
        assertRequireRejects("field", "a value", "\u0000", 100).hasMessage(INVISIBLE);
    }

    @Test
    void reports_an_overlong_text_for_its_length_before_its_invisible_characters() {
        assertRequireRejects("field", "a value", "\u200B".repeat(4), 3)
                .hasMessage("Use at most 3 characters (this has 4).");
    }

    @Test
    void carries_the_field_in_every_refusal() {
        assertRequireRejects("email", "an email address", "", 3)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
        assertRequireRejects("email", "an email address", "abcd", 3)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
        assertRequireRejects("email", "an email address", "a\rb", 3)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRequireRejects(
            String field, String label, String text, int maxLength) {
        return assertThatThrownBy(() -> Text.require(field, label, text, maxLength))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void trims_no_break_spaces_that_strip_misses() {
        assertThat(Text.normalise("\u00A0\u2007Alice\u202F ")).isEqualTo("Alice");
        assertThat(Text.normalise("\u00A0")).isEmpty();
    }

    @Test
    void treats_line_separators_and_lone_surrogates_as_invisible() {
        assertThat(Text.hasInvisibleCharacter("Ali\u2028ce")).isTrue();
        assertThat(Text.hasInvisibleCharacter("Ali\u2029ce")).isTrue();
        assertThat(Text.hasInvisibleCharacter("Ali\uD800ce")).isTrue();
        assertThat(Text.hasInvisibleCharacter("Ali😀ce")).isFalse();
    }
}
