package io.tokenkeeper.persistence.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqTransactionsTest {

    private final JooqTransactions transactions = new JooqTransactions(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void keeps_every_write_of_work_that_completes() {
        transactions.run(() -> {
            audit.record(event());
            audit.record(event());
        });

        assertThat(audit.search(AuditFilter.ALL, 0, 10)).hasSize(2);
    }

    @Test
    void rolls_back_every_write_of_work_that_fails() {
        assertThatThrownBy(() -> transactions.run(() -> {
                    audit.record(event());
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(audit.search(AuditFilter.ALL, 0, 10)).isEmpty();
    }

    private static AuditEvent event() {
        return new AuditEvent(
                Instant.now(), null, AuditEvent.SYSTEM, AuditAction.USER_CREATED, "user", null, null, "test", null);
    }
}
