package io.tokenkeeper.domain.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A person who signs in to Tokenkeeper. */
public record User(
        UserId id,
        Username username,
        DisplayName displayName,
        @Nullable EmailAddress email,
        boolean enabled,
        Set<Privilege> privileges,
        Instant createdAt,
        Instant updatedAt) {

    public User {
        privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    }

    public boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    public boolean isAdministrator() {
        return has(Privilege.ADMINISTRATOR);
    }

    /** Enabled and an administrator: may manage users, everyone's tokens, the policy, and read the audit log. */
    public boolean mayAdminister() {
        return enabled && isAdministrator();
    }

    /** Enabled and holding API Access: may manage their own tokens, and those tokens may call the API. */
    public boolean mayUseTheApi() {
        return enabled && has(Privilege.API_ACCESS);
    }
}
