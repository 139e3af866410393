package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.base.RandomText;
import java.security.SecureRandom;

/**
 * The public half of a resource server's client credential, {@code rs_} and 16 Base62 characters. Not a secret: it
 * names the caller, the {@link ClientSecret} proves it.
 */
public record ClientId(String value) {

    public static final String PREFIX = "rs_";
    static final int RANDOM_LENGTH = 16;

    public static ClientId generate(SecureRandom random) {
        return new ClientId(PREFIX + RandomText.base62(random, RANDOM_LENGTH));
    }

    /** Whether {@code text} could be a client id; anything else is refused before any lookup. */
    public static boolean isWellFormed(String text) {
        if (text.length() != PREFIX.length() + RANDOM_LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
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
