package io.tokenkeeper.domain.base;

import java.util.function.Supplier;

/** Runs work atomically: everything the work writes lands, or nothing does. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
