package io.tokenkeeper.domain.base;

/**
 * What a personal API token value looks like from outside: {@code tkp_} and 38 Base62 characters (a client secret,
 * {@code tkc_} and 40, and a SCIM provisioning token, {@code tks_} and 40, count too). Known here, below
 * every feature, so that every free text a person types (names, display names, reasons) can refuse to hold one: a
 * value pasted into the wrong box would otherwise sit in plain text in the database and the audit log forever.
 */
public final class TokenShape {

    public static final String PREFIX = "tkp_";

    /** A resource server's client secret ({@code tkc_} and 40 Base62), guarded the same way. */
    public static final String CLIENT_SECRET_PREFIX = "tkc_";

    /** A SCIM provisioning token ({@code tks_} and 40 Base62), guarded the same way. */
    public static final String PROVISIONING_TOKEN_PREFIX = "tks_";

    /** The random part and the checksum after the prefix. */
    public static final int BODY_LENGTH = 38;

    public static final String PASTED_TOKEN_MESSAGE = "This looks like an API token value. Never type or paste a token"
            + " here: it would be stored in plain text. Remove it (and revoke the token if it is a real one that"
            + " others may have seen).";

    private TokenShape() {}

    /**
     * True when {@code text} holds {@code tkp_}, {@code tkc_} or {@code tks_} followed by at least
     * {@value #BODY_LENGTH} Base62 characters.
     */
    public static boolean containedIn(CharSequence text) {
        int from = 0;
        while (true) {
            int at = indexOf(text, from);
            if (at < 0) {
                return false;
            }
            int run = 0;
            for (int i = at + PREFIX.length(); i < text.length() && isBase62(text.charAt(i)); i++) {
                run++;
            }
            if (run >= BODY_LENGTH) {
                return true;
            }
            from = at + 1;
        }
    }

    /** @throws InvalidInputException naming {@code field} when {@code text} holds a token value */
    public static void refuseIn(String field, CharSequence text) {
        if (containedIn(text)) {
            throw new InvalidInputException(field, PASTED_TOKEN_MESSAGE);
        }
    }

    private static int indexOf(CharSequence text, int from) {
        for (int i = from; i + PREFIX.length() <= text.length(); i++) {
            char kind = text.charAt(i + 2);
            if (text.charAt(i) == 't' && text.charAt(i + 1) == 'k' && isKind(kind) && text.charAt(i + 3) == '_') {
                return i;
            }
        }
        return -1;
    }

    /** The third character of a prefix: {@code p} (token), {@code c} (client secret), {@code s} (SCIM token). */
    public static boolean isKind(int c) {
        return c == 'p' || c == 'c' || c == 's';
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
