package io.tokenkeeper.domain.token;

import java.util.Arrays;

/** The digits {@code 0-9A-Za-z} in that order, as used by token values and hints. */
final class Base62 {

    static final int RADIX = 62;

    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUES[DIGITS[i]] = (byte) i;
        }
    }

    private Base62() {}

    static char digit(int value) {
        return DIGITS[value];
    }

    /** The value of {@code c} as a Base62 digit, or -1 if it is not one. */
    static int valueOf(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    static boolean isDigit(char c) {
        return valueOf(c) >= 0;
    }

    /** Writes {@code value} into {@code out[offset, offset + width)}, most significant digit first, '0'-padded. */
    static void encode(long value, char[] out, int offset, int width) {
        long rest = value;
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = DIGITS[(int) (rest % RADIX)];
            rest /= RADIX;
        }
    }
}
