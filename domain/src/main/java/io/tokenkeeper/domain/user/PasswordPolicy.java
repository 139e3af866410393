package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import java.util.Locale;

/**
 * What a new password must be. Length beats composition rules (NIST SP 800-63B), so length is the rule, and, as the
 * same guideline asks, a password from lists of commonly used or breached passwords is refused.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final String RULE = "At least 12 characters; a few unrelated words make a strong password.";

    private PasswordPolicy() {}

    /** @throws InvalidInputException naming {@code field} when the password breaks the rule */
    public static void check(String field, CharSequence password, Username username) {
        int length = password.toString().codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInputException(field, "Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(field, "Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.codePoints().allMatch(Text::isSpace)) {
            throw new InvalidInputException(field, "A password cannot be only spaces.");
        }
        if (password.toString().toLowerCase(Locale.ROOT).contains(username.key())) {
            throw new InvalidInputException(field, "Do not use your username in your password.");
        }
        if (CommonPasswords.contains(password)) {
            throw new InvalidInputException(
                    field,
                    "This is one of the passwords people choose most, so it is guessed first. Pick another: a few"
                            + " unrelated words make a strong one.");
        }
    }
}
