package io.tokenkeeper.domain.token;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when and from where a token was last used, and notices use from a new address. Implemented by the
 * persistence module.
 */
public interface TokenUsage {

    /**
     * How stale "last used" may get: a busy token is written at most once per this interval, across all nodes. Also
     * how often at most the same new address of one token is written to the audit trail.
     */
    Duration INTERVAL = Duration.ofMinutes(10);

    /**
     * Records a use at {@code at}, unless the stored last use is less than {@link #INTERVAL} older or the token was
     * revoked.
     *
     * @return whether anything was written
     */
    boolean recordUse(TokenId token, Instant at, @Nullable String clientAddress);

    /**
     * Writes the audit event {@link io.tokenkeeper.domain.audit.AuditAction#TOKEN_USED_FROM_NEW_ADDRESS}, on behalf of
     * the token's owner, for a use at {@code at} from {@code clientAddress} when the address of the token's stored
     * last use is another one. Nothing is written for a revoked token, for one never used before (its first address
     * is not new: there is nothing to compare it with), or when such an event for this token and address is less than
     * {@link #INTERVAL} older: across all nodes the check and the write take turns per token, so there is at most one
     * event per token and address per interval. Call it before {@link #recordUse} for the same use.
     *
     * @return whether the event was written
     */
    boolean recordNewAddress(TokenId token, Instant at, String clientAddress);
}
