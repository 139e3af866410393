package io.tokenkeeper.domain.user;

import java.time.Instant;
import java.util.Set;

/** Named user fixtures; change only what a test is about. */
final class UserTestData {

    static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant UPDATED = Instant.parse("2025-03-02T10:30:00Z");

    private UserTestData() {}

    /** Enabled user 7, "alice", with an email address and no privileges. */
    static Builder aUser() {
        return new Builder();
    }

    static final class Builder {

        private Set<Privilege> privileges = Set.of();
        private boolean enabled = true;

        /** Hands {@code privileges} to the constructor as it is, so a test can change the set afterwards. */
        Builder withPrivileges(Set<Privilege> privileges) {
            this.privileges = privileges;
            return this;
        }

        Builder disabled() {
            this.enabled = false;
            return this;
        }

        User build() {
            return new User(
                    new UserId(7),
                    new Username("alice"),
                    DisplayName.of("Alice Liddell"),
                    new EmailAddress("alice@example.com"),
                    enabled,
                    privileges,
                    CREATED,
                    UPDATED);
        }
    }
}
