package io.tokenkeeper.domain.network;

import java.time.Duration;
import java.util.Optional;

/**
 * Allowances for failed authentications per client, kept where every node sees them: a token bucket per client of
 * {@code capacity} allowances, refilled evenly over {@code period}, each failure taking one.
 */
public interface FailureBuckets {

    /**
     * Takes one allowance from {@code client}'s bucket, if it has one.
     *
     * @return whether the failure was counted (false: the bucket was empty, the client is over its limit), when the
     *     bucket holds less than one allowance afterwards how long until the next one comes back, and what it holds
     */
    Taken take(String client, long capacity, Duration period);

    /**
     * The outcome of {@link #take}.
     *
     * @param left the allowances the bucket holds afterwards, a fraction while it refills
     */
    record Taken(boolean counted, Optional<Duration> emptyFor, double left) {}
}
