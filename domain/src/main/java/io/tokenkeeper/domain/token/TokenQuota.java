package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.base.InvalidInputException;

/**
 * How many tokens one user may have that are not revoked.
 *
 * @param max between {@value #LOWEST} and {@value #HIGHEST}
 */
public record TokenQuota(int max) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 100;
    public static final TokenQuota DEFAULT = new TokenQuota(5);

    public TokenQuota {
        if (max < LOWEST || max > HIGHEST) {
            throw new InvalidInputException(
                    "quota", "Choose a limit from " + LOWEST + " to " + HIGHEST + " tokens (not " + max + ").");
        }
    }

    /** Whether a user who already has {@code activeCount} tokens may create one more. */
    public boolean allowsAnother(int activeCount) {
        if (activeCount < 0) {
            throw new IllegalArgumentException("A token count is never negative: " + activeCount);
        }
        return activeCount < max;
    }

    /** Why no further token can be created, e.g. "You can have at most 5 API tokens." */
    public String limitMessage() {
        return "You can have at most " + max + (max == 1 ? " API token." : " API tokens.");
    }
}
