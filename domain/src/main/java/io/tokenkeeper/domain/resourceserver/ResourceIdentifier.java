package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.TokenShape;

/**
 * How a resource server names itself, usually its base URL ({@code https://orders.example.com}) or a URN: unique
 * among resource servers, and the {@code aud} of an introspection answer. An absolute URI without white space.
 */
public record ResourceIdentifier(String value) {

    public static final int MAX_LENGTH = 200;
    public static final String RULE = "Enter an absolute URI such as https://orders.example.com or urn:example:orders.";

    /** Tokenkeeper's own REST API. */
    public static final ResourceIdentifier TOKENKEEPER = new ResourceIdentifier("urn:tokenkeeper:api");

    public ResourceIdentifier {
        if (value.isEmpty()) {
            throw new InvalidInputException("identifier", "Enter an identifier. " + RULE);
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("identifier", "Use at most " + MAX_LENGTH + " characters.");
        }
        if (!isAbsoluteUri(value)
                || Text.hasInvisibleCharacter(value)
                || value.codePoints().anyMatch(Text::isSpace)) {
            throw new InvalidInputException("identifier", RULE);
        }
        TokenShape.refuseIn("identifier", value);
    }

    public static ResourceIdentifier of(String raw) {
        return new ResourceIdentifier(Text.normalise(raw));
    }

    /** A scheme (a letter, then letters, digits, + - .), a colon and something after it. */
    private static boolean isAbsoluteUri(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1 || !Character.isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
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
