package io.tokenkeeper.domain.user;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user on whose behalf a service acts, the address the request came from, and — for a call to the
 * API — the hint of the token that authenticated it (a token made with another token outlives that one's
 * revocation, so the audit log says so).
 */
public record Actor(
        User user, @Nullable String clientAddress, @Nullable String viaToken) {

    /** The user acting through the pages (or a test), not through an API token. */
    public Actor(User user, @Nullable String clientAddress) {
        this(user, clientAddress, null);
    }

    public UserId id() {
        return user.id();
    }
}
