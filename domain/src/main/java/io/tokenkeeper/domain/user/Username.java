package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.TokenShape;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The name a person signs in with: 2–64 characters of letters, digits and {@code . _ - @}, starting with a letter
 * or digit. Unique ignoring case; shown as it was typed.
 */
public record Username(String value) {

    public static final int MAX_LENGTH = 64;
    public static final String RULE =
            "Use 2–64 letters, digits, dots, hyphens, underscores or @, starting with a letter or digit.";

    public Username {
        if (!isWellFormed(value)) {
            throw new InvalidInputException("username", RULE);
        }
    }

    public static Username of(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("username", "Enter a username.");
        }
        var username = new Username(raw.strip());
        TokenShape.refuseIn("username", username.value());
        return username;
    }

    /** The form the uniqueness rule compares. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public static boolean isWellFormed(@Nullable String text) {
        if (text == null || text.length() < 2 || text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean punctuation = c == '.' || c == '_' || c == '-' || c == '@';
            if (!letterOrDigit && !(punctuation && i > 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
