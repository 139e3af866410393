package io.tokenkeeper.domain.user;

/**
 * A row of the Users administration page.
 *
 * @param activeTokens the user's tokens that are not revoked
 */
public record UserSummary(User user, int activeTokens) {}
