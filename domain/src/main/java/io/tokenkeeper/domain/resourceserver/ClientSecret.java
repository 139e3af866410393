package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.base.RandomText;
import io.tokenkeeper.domain.token.TokenDigest;
import java.security.SecureRandom;

/**
 * The secret half of a resource server's client credential: {@code tkc_} and 40 random Base62 characters (about 238
 * bits). Shown once when generated; only its SHA-256 and a hint are stored. With that much entropy a fast digest is
 * as safe as a slow hash and keeps the credential check off the hot path's budget. {@link #toString()} never shows
 * it.
 */
public final class ClientSecret {

    public static final String PREFIX = "tkc_";
    static final int RANDOM_LENGTH = 40;

    private final String value;

    private ClientSecret(String value) {
        this.value = value;
    }

    public static ClientSecret generate(SecureRandom random) {
        return new ClientSecret(PREFIX + RandomText.base62(random, RANDOM_LENGTH));
    }

    /** The digest of whatever a caller presented as a secret, well formed or not. */
    public static TokenDigest digestOf(String presented) {
        return TokenDigest.ofText(presented);
    }

    public TokenDigest digest() {
        return digestOf(value);
    }

    /** {@code tkc_} and the first four random characters, for people to tell secrets apart. */
    public String hint() {
        return value.substring(0, PREFIX.length() + 4) + "…";
    }

    /** The value, to show once; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ClientSecret[" + hint() + "]";
    }
}
