package io.tokenkeeper.domain.token;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Remembers when and from where a token was last used. Implemented by the persistence module. */
public interface TokenUsage {

    /** How stale "last used" may get: a busy token is written at most once per this interval, across all nodes. */
    Duration INTERVAL = Duration.ofMinutes(10);

    /**
     * Records a use at {@code at}, unless the stored last use is less than {@link #INTERVAL} older or the token was
     * revoked.
     *
     * @return whether anything was written
     */
    boolean recordUse(TokenId token, Instant at, @Nullable String clientAddress);
}
