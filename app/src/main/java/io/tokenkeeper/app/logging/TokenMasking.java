package io.tokenkeeper.app.logging;

import io.tokenkeeper.domain.base.TokenShape;
import io.tokenkeeper.domain.token.TokenSecret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Masks anything shaped like a token value, a client secret or a provisioning token in encoded log output:
 * {@code tkp_} (or {@code tkc_}, {@code tks_}) followed by at least
 * {@value #MIN_RUN} Base62 characters keeps its prefix and first {@value #KEPT} characters (as the token's hint
 * does) and loses the rest to {@code *}. Works on the bytes of any ASCII-compatible encoding, so plain lines, JSON
 * and every field of a structured format are covered alike; the length never changes, so nothing is copied.
 */
public final class TokenMasking {

    /** A shorter run is not a token, nor a large enough piece of one to matter. */
    static final int MIN_RUN = 16;

    static final int KEPT = 4;

    private static final byte[] PREFIX = TokenSecret.PREFIX.getBytes(StandardCharsets.US_ASCII);

    private TokenMasking() {}

    /**
     * Masks every token-shaped run in {@code bytes} in place; returns {@code bytes}. Scans from the end, so a run
     * that ends where the next {@code tkp_} begins (two values glued together) never hides that next value.
     */
    public static byte[] mask(byte[] bytes) {
        for (int i = bytes.length - PREFIX.length; i >= 0; i--) {
            if (hasPrefixAt(bytes, i)) {
                int start = i + PREFIX.length;
                int end = start;
                while (end < bytes.length && isBase62(bytes[end])) {
                    end++;
                }
                if (end - start >= MIN_RUN) {
                    Arrays.fill(bytes, start + KEPT, end, (byte) '*');
                }
            }
        }
        return bytes;
    }

    private static boolean hasPrefixAt(byte[] bytes, int index) {
        for (int k = 0; k < PREFIX.length; k++) {
            if (bytes[index + k] != PREFIX[k] && !(k == 2 && TokenShape.isKind(bytes[index + k]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase62(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }
}
