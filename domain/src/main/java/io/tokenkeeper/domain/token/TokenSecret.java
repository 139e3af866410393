package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.base.TokenShape;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The plain value of a personal API token: {@code tkp_}, 32 random Base62 characters (about 190 bits) and 6
 * Base62 characters of the CRC32 of everything before them. It exists only while a token is created and while a
 * request is authenticated; only its {@link #digest()} and {@link #hint()} are kept. {@link #toString()} never
 * shows it, only {@link #reveal()} does.
 */
public final class TokenSecret {

    public static final String PREFIX = TokenShape.PREFIX;
    public static final int LENGTH = 42;

    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;

    private static final int BODY_LENGTH = PREFIX.length() + RANDOM_LENGTH;

    private final String value;

    private TokenSecret(String value) {
        this.value = value;
    }

    /** A new value whose random characters are drawn uniformly from {@code random}. */
    public static TokenSecret generate(SecureRandom random) {
        char[] chars = new char[LENGTH];
        PREFIX.getChars(0, PREFIX.length(), chars, 0);
        // Six random bits per byte; rejecting 62 and 63 leaves every digit equally likely.
        byte[] randomBytes = new byte[RANDOM_LENGTH * 2];
        int used = randomBytes.length;
        for (int i = PREFIX.length(); i < BODY_LENGTH; ) {
            if (used == randomBytes.length) {
                random.nextBytes(randomBytes);
                used = 0;
            }
            int candidate = randomBytes[used++] & 0x3F;
            if (candidate < Base62.RADIX) {
                chars[i++] = Base62.digit(candidate);
            }
        }
        Base62.encode(crc32Of(CharBuffer.wrap(chars)), chars, BODY_LENGTH, CHECKSUM_LENGTH);
        return new TokenSecret(new String(chars));
    }

    /** The value if {@code text} is well formed ({@link #check} returns {@link TokenFormatProblem#NONE}). */
    public static Optional<TokenSecret> parse(@Nullable CharSequence text) {
        if (text == null || check(text) != TokenFormatProblem.NONE) {
            return Optional.empty();
        }
        return Optional.of(new TokenSecret(text.toString()));
    }

    /** The first format rule {@code text} breaks. Cheap enough for every request: no exception, no regex. */
    public static TokenFormatProblem check(@Nullable CharSequence text) {
        if (text == null || text.isEmpty()) {
            return TokenFormatProblem.MISSING;
        }
        if (!hasPrefix(text)) {
            return TokenFormatProblem.PREFIX;
        }
        if (text.length() != LENGTH) {
            return TokenFormatProblem.LENGTH;
        }
        long checksum = 0;
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            int digit = Base62.valueOf(text.charAt(i));
            if (digit < 0) {
                return TokenFormatProblem.ALPHABET;
            }
            if (i >= BODY_LENGTH) {
                checksum = checksum * Base62.RADIX + digit;
            }
        }
        return checksum == crc32Of(text) ? TokenFormatProblem.NONE : TokenFormatProblem.CHECKSUM;
    }

    private static boolean hasPrefix(CharSequence text) {
        if (text.length() < PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            if (text.charAt(i) != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** CRC32 of the prefix and random part, whose characters are all ASCII by then. */
    private static long crc32Of(CharSequence text) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < BODY_LENGTH; i++) {
            crc.update(text.charAt(i));
        }
        return crc.getValue();
    }

    /** SHA-256 of the whole value's ASCII bytes: what is stored and looked up. */
    public TokenDigest digest() {
        return TokenDigest.sha256(value.getBytes(StandardCharsets.US_ASCII));
    }

    public TokenHint hint() {
        return TokenHint.of(value);
    }

    /** The full value, to show once at creation or to send as a credential; never log it. */
    public String reveal() {
        return value;
    }

    /** Compares in time independent of where two values differ. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSecret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Shows the hint only, e.g. {@code TokenSecret[tkp_Ab12…wxyz]}. */
    @Override
    public String toString() {
        return "TokenSecret[" + hint().value() + "]";
    }
}
