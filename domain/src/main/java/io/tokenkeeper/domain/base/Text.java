package io.tokenkeeper.domain.base;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/** The rules every short, human-typed text shares: trimmed, NFC, counted in code points, nothing invisible. */
public final class Text {

    private Text() {}

    /** Strips surrounding white space and applies Unicode NFC; {@code null} becomes the empty string. */
    public static String normalise(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    }

    /** Code points, so that an emoji or an accented letter counts once. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** True when the text holds a control (Cc) or format (Cf) character: NUL, CR, LF, TAB, zero-width, bidi. */
    public static boolean hasInvisibleCharacter(String text) {
        return text.codePoints().anyMatch(Text::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /**
     * Checks a normalised text against the shared rules and returns it.
     *
     * @throws InvalidInputException naming {@code field}, with a message a person can act on
     */
    public static String require(String field, String label, String text, int maxLength) {
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "Enter " + label + ".");
        }
        int length = length(text);
        if (length > maxLength) {
            throw new InvalidInputException(
                    field, "Use at most " + maxLength + " characters (this has " + length + ").");
        }
        if (hasInvisibleCharacter(text)) {
            throw new InvalidInputException(field, "This contains an invisible or control character; remove it.");
        }
        return text;
    }
}
