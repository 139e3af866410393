package io.tokenkeeper.domain.user;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Everything needed to create a user; the password is already hashed. */
public record NewUser(
        Username username,
        DisplayName displayName,
        @Nullable EmailAddress email,
        String passwordHash,
        Set<Privilege> privileges) {}
