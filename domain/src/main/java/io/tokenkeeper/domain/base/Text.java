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
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isSpace(raw.codePointBefore(end))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        return Normalizer.normalize(raw.substring(start, end), Normalizer.Form.NFC);
    }

    /** White space in the widest sense: {@link String#strip()} misses the no-break spaces. */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Code points, so that an emoji or an accented letter counts once. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * True when the text holds a character that shows nothing or breaks lines: control (Cc) and format (Cf) characters
     * such as NUL, CR, LF, TAB, zero-width and bidi controls, the line and paragraph separators, and lone surrogates.
     */
    public static boolean hasInvisibleCharacter(String text) {
        return text.codePoints().anyMatch(Text::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /**
     * Checks a normalised text against the shared rules (not empty, not too long, nothing invisible, no token value)
     * and returns it.
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
        TokenShape.refuseIn(field, text);
        return text;
    }
}
