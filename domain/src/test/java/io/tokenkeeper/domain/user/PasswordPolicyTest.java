package io.tokenkeeper.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final Username ALICE = new Username("Alice");
    private static final String TOO_SHORT = "Use at least 12 characters.";
    private static final String TOO_LONG = "Use at most 128 characters.";

    @Test
    void states_the_rule_people_see() {
        assertThat(PasswordPolicy.RULE)
                .isEqualTo("At least 12 characters; a few unrelated words make a strong password.");
        assertThat(PasswordPolicy.MIN_LENGTH).isEqualTo(12);
        assertThat(PasswordPolicy.MAX_LENGTH).isEqualTo(128);
    }

    @Test
    void accepts_12_characters() {
        assertAccepted(varied(12));
        assertAccepted("correct hors");
    }

    @Test
    void rejects_11_characters() {
        assertRejected("x".repeat(11)).hasMessage(TOO_SHORT);
        assertRejected("").hasMessage(TOO_SHORT);
    }

    @Test
    void accepts_128_characters() {
        assertAccepted(varied(128));
    }

    @Test
    void rejects_129_characters() {
        assertRejected("x".repeat(129)).hasMessage(TOO_LONG);
        assertRejected("x".repeat(1000)).hasMessage(TOO_LONG);
    }

    @Test
    void counts_code_points_not_chars() {
        assertRejected("😀".repeat(11)).hasMessage(TOO_SHORT);
        assertAccepted(emoji(12));
        assertAccepted(emoji(128));
        assertRejected("😀".repeat(129)).hasMessage(TOO_LONG);
    }

    @Test
    void rejects_a_password_of_only_spaces() {
        assertRejected(" ".repeat(12)).hasMessage("A password cannot be only spaces.");
        assertRejected(" \t\n".repeat(4)).hasMessage("A password cannot be only spaces.");
        assertRejected("\u3000".repeat(20)).hasMessage("A password cannot be only spaces.");
    }

    @Test
    void rejects_too_few_spaces_for_their_length_first() {
        assertRejected(" ".repeat(11)).hasMessage(TOO_SHORT);
    }

    @Test
    void accepts_spaces_between_words() {
        assertAccepted("  correct horse battery staple  ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice-is-great!", "ALICE-is-great!", "my name is aLiCe ok", "xxxxxxxxxxxalice"})
    void rejects_a_password_that_contains_the_username_in_any_case(String password) {
        assertRejected(password).hasMessage("Do not use your username in your password.");
    }

    @Test
    void accepts_a_password_that_only_resembles_the_username() {
        assertAccepted("al-ice is not here");
        assertAccepted("alic3 and friends");
    }

    @Test
    void compares_with_the_username_of_the_person() {
        assertAccepted("bob.smith likes cake");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Bob.Smith likes cake", new Username("bob.smith")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Do not use your username in your password.");
    }

    @Test
    void carries_the_field_name_it_was_given() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "short", ALICE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
        assertThatThrownBy(() -> PasswordPolicy.check("TOKENKEEPER_ADMIN_PASSWORD", "x".repeat(129), ALICE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                        .isEqualTo("TOKENKEEPER_ADMIN_PASSWORD"));
        assertThatThrownBy(() -> PasswordPolicy.check("confirmation", " ".repeat(12), ALICE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("confirmation"));
        assertThatThrownBy(() -> PasswordPolicy.check("secret", "alice alice alice", ALICE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("secret"));
    }

    @Test
    void accepts_any_char_sequence() {
        assertThatCode(() -> PasswordPolicy.check("password", new StringBuilder("correct horse battery"), ALICE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", new StringBuilder("short"), ALICE))
                .hasMessage(TOO_SHORT);
    }

    private static void assertAccepted(String password) {
        assertThatCode(() -> PasswordPolicy.check("password", password, ALICE)).doesNotThrowAnyException();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String password) {
        return assertThatThrownBy(() -> PasswordPolicy.check("password", password, ALICE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "Password1234!",
                "!!qwertyuiop!!",
                "iloveyou2024",
                "1234567890123",
                "abcdefghijklm",
                "qwertyuiopasd",
                "zyxwvutsrqpon",
                "abcabcabcabc",
                "xxxxxxxxxxxx",
                "football!!!!",
                "Superman12345"
            })
    void refuses_a_common_password_with_the_reason(String password) {
        assertRejected(password).hasMessageStartingWith("This is one of the passwords people choose most");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "lamp-orbit-velvet-42", "Tr0ub4dor&3 extra words"})
    void accepts_passphrases_that_no_list_holds(String password) {
        assertAccepted(password);
    }

    /** {@code length} characters that neither repeat a piece nor follow a run. */
    private static String varied(int length) {
        return "correct horse battery staple, then some more unrelated words "
                .repeat(3)
                .substring(0, length);
    }

    private static String emoji(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(0x1F600 + (i * 7) % 79);
        }
        return text.toString();
    }
}
