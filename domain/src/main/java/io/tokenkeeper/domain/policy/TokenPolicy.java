package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.token.TokenQuota;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules administrators set for every user's tokens.
 *
 * @param quota how many tokens (not revoked) each user may hold
 * @param maxLifetimeDays the longest a new token may live, or {@code null} for no limit
 * @param trustedRanges where API calls may come from; empty means anywhere
 */
public record TokenPolicy(TokenQuota quota, @Nullable Integer maxLifetimeDays, List<IpRange> trustedRanges) {

    public static final int MAX_LIFETIME_DAYS = 3650;
    public static final int MAX_TRUSTED_RANGES = 25;
    public static final TokenPolicy DEFAULT = new TokenPolicy(TokenQuota.DEFAULT, null, List.of());

    public TokenPolicy {
        if (maxLifetimeDays != null && (maxLifetimeDays < 1 || maxLifetimeDays > MAX_LIFETIME_DAYS)) {
            throw new InvalidInputException(
                    "maxLifetimeDays", "Choose a lifetime from 1 to " + MAX_LIFETIME_DAYS + " days, or none.");
        }
        if (trustedRanges.size() > MAX_TRUSTED_RANGES) {
            throw new InvalidInputException(
                    "trustedRanges",
                    "Enter at most " + MAX_TRUSTED_RANGES + " addresses or ranges (there are " + trustedRanges.size()
                            + ").");
        }
        trustedRanges = List.copyOf(trustedRanges);
    }

    /** Whether an API call from {@code clientAddress} is allowed. */
    public boolean trusts(@Nullable String clientAddress) {
        return trustedRanges.isEmpty() || trustedRanges.stream().anyMatch(range -> range.contains(clientAddress));
    }
}
