package io.tokenkeeper.domain.user;

import org.jspecify.annotations.Nullable;

/** The signed-in user on whose behalf a service acts, and the address the request came from. */
public record Actor(User user, @Nullable String clientAddress) {

    public UserId id() {
        return user.id();
    }
}
