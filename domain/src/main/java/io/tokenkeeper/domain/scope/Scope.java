package io.tokenkeeper.domain.scope;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.util.Set;

/**
 * A permission a resource server defines and a token may hold: two lower-case words joined by a colon, such as
 * {@code orders:read}. Scope names are unique across all resource servers, so a token's scopes are plain strings
 * wherever they travel (OAuth's space-separated {@code scope}, headers, the API).
 */
public record Scope(String value) implements Comparable<Scope> {

    public static final int MAX_LENGTH = 64;
    public static final String RULE = "Use two lower-case words joined by a colon, such as orders:read (letters,"
            + " digits, - and _; each word starts with a letter; at most 64 characters).";

    /** Tokenkeeper's own REST API: reading (GET, HEAD) and everything else. */
    public static final Scope TOKENKEEPER_READ = new Scope("tokenkeeper:read");

    public static final Scope TOKENKEEPER_WRITE = new Scope("tokenkeeper:write");

    /** What every token could do before scopes existed, and what a token gets when nobody chose. */
    public static final Set<Scope> TOKENKEEPER = Set.of(TOKENKEEPER_READ, TOKENKEEPER_WRITE);

    public Scope {
        if (!isWellFormed(value)) {
            throw new InvalidInputException("scopes", RULE + " \"" + shorten(value) + "\" is not.");
        }
    }

    public static Scope of(String raw) {
        return new Scope(raw.strip());
    }

    public static boolean isWellFormed(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        int colon = text.indexOf(':');
        return colon > 0
                && colon == text.lastIndexOf(':')
                && isWord(text, 0, colon)
                && isWord(text, colon + 1, text.length());
    }

    /** The part before the colon, by convention the resource server's name for itself. */
    public String namespace() {
        return value.substring(0, value.indexOf(':'));
    }

    private static boolean isWord(String text, int from, int to) {
        if (from >= to || !(text.charAt(from) >= 'a' && text.charAt(from) <= 'z')) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    @Override
    public int compareTo(Scope other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
