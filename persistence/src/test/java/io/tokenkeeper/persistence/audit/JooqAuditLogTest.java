package io.tokenkeeper.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqAuditLogTest {

    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void records_events_and_lists_the_newest_first() {
        var first = event(Instant.parse("2026-11-28T10:00:00Z"), AuditAction.SIGN_IN_SUCCEEDED, "Signed in");
        var second = event(Instant.parse("2026-11-28T10:05:00Z"), AuditAction.PROFILE_CHANGED, "Changed email");

        audit.record(first);
        audit.record(second);

        assertThat(audit.newest(10)).containsExactly(second, first);
        assertThat(audit.newest(1)).containsExactly(second);
    }

    @Test
    void clips_overlong_details_instead_of_failing_the_action() {
        audit.record(event(Instant.parse("2026-11-28T10:00:00Z"), AuditAction.PROFILE_CHANGED, "x".repeat(5000)));

        var details = audit.newest(1).getFirst().details();
        assertThat(details).hasSize(2000).endsWith("…");
    }

    private static AuditEvent event(Instant at, AuditAction action, String details) {
        return new AuditEvent(at, null, AuditEvent.SYSTEM, action, "user", "7", "alice", details, "192.0.2.10");
    }
}
