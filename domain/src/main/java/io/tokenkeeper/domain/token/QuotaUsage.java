package io.tokenkeeper.domain.token;

import java.util.Objects;

/**
 * How much of their quota a user has used.
 *
 * @param used the user's active (not revoked) tokens
 */
public record QuotaUsage(int used, TokenQuota quota) {

    public QuotaUsage {
        Objects.requireNonNull(quota, "quota");
        if (used < 0) {
            throw new IllegalArgumentException("A token count is never negative: " + used);
        }
    }

    /** Whether one more token may be generated now. */
    public boolean canGenerate() {
        return quota.allowsAnother(used);
    }

    /** Why no further token can be generated, e.g. "You can have at most 5 API tokens." */
    public String limitMessage() {
        return quota.limitMessage();
    }
}
