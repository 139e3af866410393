package io.tokenkeeper.app.audit;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Named audit event fixtures; change only what a test is about. */
final class AuditTestData {

    private AuditTestData() {}

    /** An event by {@code actor} at {@code at} on user 7 "alice", from 192.0.2.10, with the details "Changed email". */
    static EventBuilder anEvent(String actor, AuditAction action, Instant at) {
        return new EventBuilder(actor, action, at);
    }

    static final class EventBuilder {

        private final String actor;
        private final AuditAction action;
        private final Instant at;
        private String targetType = "user";
        private @Nullable String targetId = "7";
        private @Nullable String targetName = "alice";
        private @Nullable String clientAddress = "192.0.2.10";
        private String details = "Changed email";

        private EventBuilder(String actor, AuditAction action, Instant at) {
            this.actor = actor;
            this.action = action;
            this.at = at;
        }

        EventBuilder target(String type, @Nullable String id, @Nullable String name) {
            this.targetType = type;
            this.targetId = id;
            this.targetName = name;
            return this;
        }

        EventBuilder withoutClientAddress() {
            this.clientAddress = null;
            return this;
        }

        EventBuilder details(String text) {
            this.details = text;
            return this;
        }

        AuditEvent build() {
            return new AuditEvent(at, null, actor, action, targetType, targetId, targetName, details, clientAddress);
        }
    }
}
