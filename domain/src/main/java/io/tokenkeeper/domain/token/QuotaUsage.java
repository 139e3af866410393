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

    /**
     * {@link #limitMessage()} with what counts and what to do: every token that is not revoked counts, disabled and
     * expired ones too, and revoking one makes room.
     */
    public String limitAdvice() {
        return limitMessage() + " Every token that is not revoked counts, disabled and expired ones too:"
                + " revoke one you no longer need to make room for a new one.";
    }
}
