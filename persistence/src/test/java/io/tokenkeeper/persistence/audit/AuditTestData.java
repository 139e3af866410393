package io.tokenkeeper.persistence.audit;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Named fixtures for the audit tests: events to record and users to read them as. */
final class AuditTestData {

    static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");

    private static final JooqUserStore USERS = new JooqUserStore(TestDatabase.dsl());

    private AuditTestData() {}

    /** "system" changed the profile of user 7, "alice", from 192.0.2.10, at {@link #NOW}. */
    static EventBuilder anEvent() {
        return new EventBuilder();
    }

    /** A stored, enabled user holding exactly {@code privileges}. */
    static User aUser(String username, Privilege... privileges) {
        Set<Privilege> granted = privileges.length == 0 ? Set.of() : EnumSet.of(privileges[0], privileges);
        return USERS.create(
                new NewUser(
                        new Username(username),
                        DisplayName.of(username),
                        new EmailAddress(username + "@example.com"),
                        "{bcrypt}hash",
                        granted),
                NOW.minusSeconds(3600));
    }

    static User anAdministrator(String username) {
        return aUser(username, Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
    }

    static final class EventBuilder {

        private Instant at = NOW;
        private String actor = AuditEvent.SYSTEM;
        private AuditAction action = AuditAction.PROFILE_CHANGED;
        private String targetType = "user";
        private @Nullable String targetId = "7";
        private @Nullable String targetName = "alice";
        private String details = "Changed email";

        EventBuilder at(Instant at) {
            this.at = at;
            return this;
        }

        EventBuilder by(String actor) {
            this.actor = actor;
            return this;
        }

        EventBuilder action(AuditAction action) {
            this.action = action;
            return this;
        }

        EventBuilder onToken(String id, String name) {
            this.targetType = "token";
            this.targetId = id;
            this.targetName = name;
            return this;
        }

        EventBuilder onUser(@Nullable String id, @Nullable String name) {
            this.targetType = "user";
            this.targetId = id;
            this.targetName = name;
            return this;
        }

        EventBuilder details(String details) {
            this.details = details;
            return this;
        }

        AuditEvent build() {
            return new AuditEvent(at, null, actor, action, targetType, targetId, targetName, details, "192.0.2.10");
        }
    }
}
