package io.tokenkeeper.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    private static final String EXAMPLE = "Enter an email address like name@example.com.";
    private static final String TOO_LONG = "Use at most 254 characters.";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\r\n"})
    void means_no_address_when_nothing_was_entered(String raw) {
        assertThat(EmailAddress.optional(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name@example.com",
                "a@b.c",
                "Ada.Lovelace@Example.COM",
                "first.last+tag@mail.example.co.uk",
                "o'brien@example.ie",
                "user_name-1@sub-domain.example.org",
                "jos\u00E9@b\u00FCcher.example"
            })
    void accepts_a_local_part_one_at_sign_and_a_domain_with_a_dot(String address) {
        assertThat(new EmailAddress(address).value()).isEqualTo(address);
        assertThat(EmailAddress.optional(address)).contains(new EmailAddress(address));
    }

    @Test
    void trims_what_was_typed() {
        assertThat(EmailAddress.optional("  name@example.com \t")).contains(new EmailAddress("name@example.com"));
    }

    @Test
    void composes_accents_into_nfc() {
        assertThat(EmailAddress.optional("jose\u0301@example.com").orElseThrow().value())
                .isEqualTo("jos\u00E9@example.com");
    }

    @Test
    void shows_the_address_as_its_text() {
        assertThat(new EmailAddress("name@example.com")).hasToString("name@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "name.example.com", "example.com", "n"})
    void rejects_an_address_without_an_at_sign(String address) {
        assertRejected(address).hasMessage(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.com", "@"})
    void rejects_an_address_without_a_local_part(String address) {
        assertRejected(address).hasMessage(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name@@example.com", "na@me@example.com", "name@example.com@example.com"})
    void rejects_an_address_with_two_at_signs(String address) {
        assertRejected(address).hasMessage(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name@example", "name@", "first.last@localhost", "name@.com", "name@.", "name@a"})
    void rejects_a_domain_without_a_dot_after_its_first_character(String address) {
        assertRejected(address).hasMessage(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name@example.com.", "name@example.", "name@example.com.."})
    void rejects_a_trailing_dot(String address) {
        assertRejected(address).hasMessage(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "na me@example.com",
                "name@exa mple.com",
                "name@example.com ",
                " name@example.com",
                "name@exam\tple.com",
                "name@example.\ncom",
                "name\u3000@example.com",
                "name@\u2003example.com"
            })
    void rejects_spaces(String address) {
        assertRejected(address).hasMessage(EXAMPLE);
    }

    @Test
    void rejects_spaces_inside_an_entered_address() {
        assertThatThrownBy(() -> EmailAddress.optional(" na me@example.com "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"))
                .hasMessage(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u200B", "\u200D", "\u202E", "\uFEFF", "\u00AD"})
    void rejects_an_invisible_or_control_character(String invisible) {
        assertRejected("name" + invisible + "@example.com").hasMessage(EXAMPLE);
        assertRejected("name@example" + invisible + ".com").hasMessage(EXAMPLE);
    }

    @Test
    void accepts_254_characters() {
        String address = "a".repeat(242) + "@example.com";

        assertThat(address).hasSize(254);
        assertThat(new EmailAddress(address).value()).isEqualTo(address);
    }

    @Test
    void rejects_more_than_254_characters() {
        String address = "a".repeat(243) + "@example.com";

        assertThat(address).hasSize(255);
        assertRejected(address).hasMessage(TOO_LONG);
        assertRejected("a".repeat(1000) + "@example.com").hasMessage(TOO_LONG);
    }

    @Test
    void reports_an_overlong_address_for_its_length_before_its_form() {
        assertRejected("a".repeat(300)).hasMessage(TOO_LONG);
    }

    @Test
    void states_its_limit() {
        assertThat(EmailAddress.MAX_LENGTH).isEqualTo(254);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String value) {
        return assertThatThrownBy(() -> new EmailAddress(value))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void refuses_a_no_break_space_inside_the_address() {
        assertThatThrownBy(() -> new EmailAddress("na\u00A0me@example.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter an email address like name@example.com.");
    }
}
