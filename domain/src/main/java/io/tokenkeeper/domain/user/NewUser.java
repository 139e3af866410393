package io.tokenkeeper.domain.user;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to create a user; the password is already hashed.
 *
 * @param passwordHash {@code null} for an account the identity provider manages: it has no password here
 */
public record NewUser(
        Username username,
        DisplayName displayName,
        @Nullable EmailAddress email,
        @Nullable String passwordHash,
        Set<Privilege> privileges) {}
