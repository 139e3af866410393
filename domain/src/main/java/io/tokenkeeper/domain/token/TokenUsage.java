package io.tokenkeeper.domain.token;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when, from where and at which resource server a token was last used, and notices use from a new address.
 * Resource servers are named by their identifier ({@code urn:tokenkeeper:api} for Tokenkeeper's own API); one that
 * does not exist (any more) is recorded as unknown. Implemented by the persistence module.
 */
public interface TokenUsage {

    /**
     * How stale "last used" may get: a busy token is written at most once per this interval, across all nodes. Also
     * how often at most the same new address of one token is written to the audit trail.
     */
    Duration INTERVAL = Duration.ofMinutes(10);

    /**
     * Records a use at {@code at} at the resource server {@code server}, unless the token was revoked, or the stored
     * last use is less than {@link #INTERVAL} older and was at the same resource server.
     *
     * @param server the identifier of the resource server the token was used at, or {@code null} when unknown
     * @return whether anything was written
     */
    boolean recordUse(TokenId token, Instant at, @Nullable String clientAddress, @Nullable String server);

    /**
     * Writes the audit event {@link io.tokenkeeper.domain.audit.AuditAction#TOKEN_USED_FROM_NEW_ADDRESS}, on behalf of
     * the token's owner, for a use at {@code at} from {@code clientAddress} when the address of the token's stored
     * last use is another one. Nothing is written for a revoked token, for one never used before (its first address
     * is not new: there is nothing to compare it with), or when such an event for this token and address is less than
     * {@link #INTERVAL} older: across all nodes the check and the write take turns per token, so there is at most one
     * event per token and address per interval. The event names the resource server of this use and of the stored one
     * when they are known. Call it before {@link #recordUse} for the same use.
     *
     * @param server the identifier of the resource server the token was used at, or {@code null} when unknown
     * @return whether the event was written
     */
    boolean recordNewAddress(TokenId token, Instant at, String clientAddress, @Nullable String server);
}
