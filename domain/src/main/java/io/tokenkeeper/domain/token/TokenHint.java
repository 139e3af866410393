package io.tokenkeeper.domain.token;

/**
 * What may be shown of a token after its creation: {@code tkp_}, the first four random characters, an
 * ellipsis (U+2026) and the last four characters, e.g. {@code tkp_Ab12…wxyz}.
 *
 * @param value the hint exactly as shown and stored
 */
public record TokenHint(String value) {

    static final char ELLIPSIS = '\u2026';
    static final int LENGTH = TokenSecret.PREFIX.length() + 4 + 1 + 4;

    private static final int ELLIPSIS_INDEX = TokenSecret.PREFIX.length() + 4;

    public TokenHint {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not a token hint: " + value);
        }
    }

    static TokenHint of(String secretValue) {
        return new TokenHint(
                secretValue.substring(0, ELLIPSIS_INDEX) + ELLIPSIS + secretValue.substring(secretValue.length() - 4));
    }

    private static boolean isWellFormed(String value) {
        if (value.length() != LENGTH
                || !value.startsWith(TokenSecret.PREFIX)
                || value.charAt(ELLIPSIS_INDEX) != ELLIPSIS) {
            return false;
        }
        for (int i = TokenSecret.PREFIX.length(); i < LENGTH; i++) {
            if (i != ELLIPSIS_INDEX && !Base62.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
