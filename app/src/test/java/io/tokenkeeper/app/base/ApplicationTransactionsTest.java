package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.base.Transactions;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's transactions, as its services run them: through {@link Transactions} (jOOQ over Spring's
 * transaction manager), with the application's own {@link DSLContext} inside, without Spring Boot's declarative
 * transaction support (left out: {@link LeftOutAutoConfigurationsTest}).
 */
@ApplicationTest
class ApplicationTransactionsTest {

    @Autowired
    Transactions transactions;

    @Autowired
    DSLContext dsl;

    @Test
    void statements_inside_run_on_one_connection_in_one_transaction() {
        var seen = transactions.inTransaction(() -> {
            var first = dsl.fetchSingle("select pg_backend_pid() as pid, now() as started");
            var second = dsl.fetchSingle("select pg_backend_pid() as pid, now() as started");
            return new Object[] {first.get("pid"), second.get("pid"), first.get("started"), second.get("started")};
        });

        assertThat(seen[1]).isEqualTo(seen[0]);
        assertThat(seen[3]).as("now() is the transaction's start").isEqualTo(seen[2]);
    }

    @Test
    void a_failure_inside_rolls_back_what_was_written() {
        var table = "transaction_probe_" + UUID.randomUUID().toString().replace("-", "");

        assertThatThrownBy(() -> transactions.run(() -> {
                    dsl.execute("create table " + table + " (id int)");
                    dsl.execute("insert into " + table + " values (1)");
                    throw new IllegalStateException("fails after writing");
                }))
                .hasMessage("fails after writing");

        assertThat(dsl.fetchValue("select to_regclass(?)", table)).isNull();
    }
}
