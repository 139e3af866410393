package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.TokenShape;
import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the owner calls a token: trimmed, NFC-normalised, 1 to {@value #MAX_LENGTH} code points and free of
 * invisible characters. Constructing one normalises and validates, so every instance holds a valid name.
 *
 * @param value the name as shown; {@link #key()} is what must be unique per owner
 */
public record TokenName(String value) {

    public static final int MAX_LENGTH = 100;

    static final String FIELD = "name";

    /** Normalises {@code value} and checks every rule; throws {@link InvalidInputException} for field "name". */
    public TokenName {
        value = Text.normalise(value);
        if (value.isEmpty()) {
            throw missing();
        }
        int length = Text.length(value);
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(
                    FIELD, "Use at most " + MAX_LENGTH + " characters (this name has " + length + ").");
        }
        if (Text.hasInvisibleCharacter(value)) {
            throw new InvalidInputException(FIELD, "The name contains an invisible or control character; remove it.");
        }
        TokenShape.refuseIn(FIELD, value);
    }

    /** The name a person typed, normalised and checked; {@code null} counts as empty. */
    public static TokenName of(@Nullable String raw) {
        if (raw == null) {
            throw missing();
        }
        return new TokenName(raw);
    }

    /**
     * The uniqueness key: names that differ only in case or in Unicode composition share it. Upper-casing then
     * lower-casing (full mappings, {@link Locale#ROOT}) folds pairs a single lower-casing misses, such as "ß" and
     * "SS" or "ς" and "σ"; the final NFC recomposes what case mapping decomposed (for example "ǰ").
     */
    public String key() {
        return keyOf(value);
    }

    /** The {@link #key()} of any normalised text, a name or the start of one, without checking it as a name. */
    static String keyOf(String text) {
        return Normalizer.normalize(text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    private static InvalidInputException missing() {
        return new InvalidInputException(FIELD, "Enter a name for the token.");
    }
}
