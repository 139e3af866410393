package io.tokenkeeper.domain.token;

import java.time.Instant;
import java.util.List;

/**
 * Every user's tokens that are not revoked, searched and paged for administrators. Implemented by the persistence
 * module; only {@link TokenAdministration} calls it. Each call reads at most one page, whatever the number of tokens.
 */
public interface TokenDirectory {

    /**
     * One page of the tokens that match, in the search's order.
     *
     * @param now the instant that decides which tokens count as expired when sorting by status
     * @param offset how many matching tokens to skip, at least 0
     * @param limit the most tokens to return, at least 0
     */
    List<ManagedToken> search(TokenSearch search, Instant now, int offset, int limit);

    /** How many tokens match, counting no further than {@code limit}: the answer is at most {@code limit}. */
    long count(TokenSearch search, long limit);
}
