package io.tokenkeeper.domain.provisioning;

import io.tokenkeeper.domain.base.RandomText;
import io.tokenkeeper.domain.base.TokenShape;
import io.tokenkeeper.domain.token.TokenDigest;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * The value of a SCIM provisioning token: {@code tks_} and 40 random Base62 characters (about 238 bits). Shown once
 * when created; only its SHA-256 and a hint are stored. With that much entropy a fast digest is as safe as a slow
 * hash. {@link #toString()} never shows it.
 */
public final class ProvisioningSecret {

    public static final String PREFIX = TokenShape.PROVISIONING_TOKEN_PREFIX;
    static final int RANDOM_LENGTH = 40;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH;

    private final String value;

    private ProvisioningSecret(String value) {
        this.value = value;
    }

    public static ProvisioningSecret generate(SecureRandom random) {
        return new ProvisioningSecret(PREFIX + RandomText.base62(random, RANDOM_LENGTH));
    }

    /** Whether {@code presented} has the shape of a provisioning token; anything else is refused unlooked-up. */
    public static boolean isWellFormed(@Nullable String presented) {
        if (presented == null || presented.length() != LENGTH || !presented.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = presented.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    /** The digest of whatever was presented. */
    public static TokenDigest digestOf(String presented) {
        return TokenDigest.ofText(presented);
    }

    public TokenDigest digest() {
        return digestOf(value);
    }

    /** {@code tks_} and the first four random characters, for people to tell tokens apart. */
    public String hint() {
        return value.substring(0, PREFIX.length() + 4) + "…";
    }

    /** The value, to show once; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ProvisioningSecret[" + hint() + "]";
    }
}
