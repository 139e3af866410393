package io.tokenkeeper.domain.base;

import java.security.SecureRandom;

/** Random Base62 text ({@code 0-9A-Za-z}), every character equally likely, for identifiers and secrets. */
public final class RandomText {

    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private RandomText() {}

    /** {@code length} characters, about 5.95 bits each. */
    public static String base62(SecureRandom random, int length) {
        char[] chars = new char[length];
        // Six random bits per byte; rejecting 62 and 63 leaves every digit equally likely.
        byte[] bytes = new byte[length * 2];
        int used = bytes.length;
        for (int i = 0; i < length; ) {
            if (used == bytes.length) {
                random.nextBytes(bytes);
                used = 0;
            }
            int candidate = bytes[used++] & 0x3F;
            if (candidate < DIGITS.length) {
                chars[i++] = DIGITS[candidate];
            }
        }
        return new String(chars);
    }
}
