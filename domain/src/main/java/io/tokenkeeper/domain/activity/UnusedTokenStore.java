package io.tokenkeeper.domain.activity;

import io.tokenkeeper.domain.token.Token;
import java.time.Instant;
import java.util.List;

/** Finds and disables tokens nobody used. Implemented by the persistence module. */
public interface UnusedTokenStore {

    /**
     * Disables, at {@code at}, every enabled token (not revoked, not expired) last used before {@code cutoff} (created
     * before it, when never used) that this rule did not disable since {@code cutoff}. Each token is disabled by one
     * caller only, however many run at once.
     *
     * @return the tokens disabled now
     */
    List<Token> disableUnusedSince(Instant cutoff, Instant at);
}
