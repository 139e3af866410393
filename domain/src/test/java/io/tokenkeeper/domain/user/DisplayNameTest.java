package io.tokenkeeper.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    private static final String INVISIBLE = "This contains an invisible or control character; remove it.";

    @Test
    void keeps_an_ordinary_name_as_typed() {
        DisplayName name = DisplayName.of("Ada Lovelace-Byron (R&D) 🚀");

        assertThat(name.value()).isEqualTo("Ada Lovelace-Byron (R&D) 🚀");
        assertThat(name).hasToString("Ada Lovelace-Byron (R&D) 🚀");
    }

    @Test
    void trims_spaces_and_line_breaks_around_the_name() {
        assertThat(DisplayName.of("  Ada Lovelace \t").value()).isEqualTo("Ada Lovelace");
        assertThat(DisplayName.of("\r\nAda\r\n").value()).isEqualTo("Ada");
    }

    @Test
    void keeps_spaces_inside_the_name() {
        assertThat(DisplayName.of(" Ada  Lovelace ").value()).isEqualTo("Ada  Lovelace");
    }

    @Test
    void composes_accents_into_nfc() {
        assertThat(DisplayName.of("Jos\u0065\u0301").value()).isEqualTo("Jos\u00E9");
        assertThat(DisplayName.of("Jos\u0065\u0301")).isEqualTo(DisplayName.of("Jos\u00E9"));
    }

    @Test
    void accepts_100_characters() {
        assertThat(DisplayName.of("a".repeat(100)).value()).isEqualTo("a".repeat(100));
    }

    @Test
    void counts_an_emoji_as_one_character() {
        assertThat(DisplayName.of("😀".repeat(100)).value()).hasSize(200);
        assertRejected("😀".repeat(101)).hasMessage("Use at most 100 characters (this has 101).");
    }

    @Test
    void rejects_101_characters_and_says_how_many_there_are() {
        assertRejected("a".repeat(101)).hasMessage("Use at most 100 characters (this has 101).");
        assertRejected("a".repeat(150)).hasMessage("Use at most 100 characters (this has 150).");
    }

    @Test
    void counts_after_trimming_and_composing() {
        assertThat(DisplayName.of("  " + "a".repeat(100) + "  ").value()).isEqualTo("a".repeat(100));
        assertThat(DisplayName.of("e\u0301".repeat(100)).value()).isEqualTo("\u00E9".repeat(100));
        assertRejected("e\u0301".repeat(101)).hasMessage("Use at most 100 characters (this has 101).");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\r\n", "\u3000"})
    void asks_for_a_display_name_when_there_is_none(String raw) {
        assertRejected(raw).hasMessage("Enter a display name.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000", "\r", "\n", "\t", "\u0007", "\u001B", "\u007F", "\u200B", "\u200C", "\u200D", "\u200E",
                "\u202A", "\u202E", "\u2066", "\u2069", "\uFEFF", "\u00AD"
            })
    void rejects_an_invisible_or_control_character_inside_the_name(String invisible) {
        assertRejected("Ada" + invisible + "Lovelace").hasMessage(INVISIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u202E", "\uFEFF", "\u2060", "\u0000"})
    void rejects_an_invisible_character_at_either_end(String invisible) {
        assertRejected(invisible + "Ada").hasMessage(INVISIBLE);
        assertRejected("Ada" + invisible).hasMessage(INVISIBLE);
    }

    @Test
    void rejects_a_name_that_hides_text_behind_a_bidi_override() {
        assertRejected("Ada \u202Egnp.exe").hasMessage(INVISIBLE);
    }

    @Test
    void rejects_an_overlong_name_for_its_length_first() {
        assertRejected("\u200B".repeat(101)).hasMessage("Use at most 100 characters (this has 101).");
    }

    @Test
    void validates_in_the_constructor_too() {
        assertThat(new DisplayName("Ada").value()).isEqualTo("Ada");
        assertThatThrownBy(() -> new DisplayName("Ada\u0000"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("displayName"))
                .hasMessage(INVISIBLE);
        assertThatThrownBy(() -> new DisplayName(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a display name.");
    }

    @ParameterizedTest
    @ValueSource(strings = {" Ada", "Ada ", "Jos\u0065\u0301"})
    void refuses_to_construct_a_value_that_is_not_normalised(String raw) {
        assertThatThrownBy(() -> new DisplayName(raw))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("A display name is stored normalised");
    }

    @Test
    void states_its_limit() {
        assertThat(DisplayName.MAX_LENGTH).isEqualTo(100);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String raw) {
        return assertThatThrownBy(() -> DisplayName.of(raw))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
    }
}
