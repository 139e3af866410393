package io.tokenkeeper.persistence.base;

import io.tokenkeeper.domain.base.Transactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Transactions through jOOQ. Under Spring, jOOQ's transaction provider joins Spring's transaction management, so
 * every adapter that shares the {@link DSLContext} writes inside the same transaction.
 */
public final class JooqTransactions implements Transactions {

    private final DSLContext dsl;

    public JooqTransactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(configuration -> work.get());
    }
}
