package io.tokenkeeper.app.base;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a cache forgets what a change in the database makes stale: at once, and again when the change's transaction
 * ends, so that a lookup racing the commit (it read the old state before the commit and stored it after the first
 * eviction) cannot keep it.
 */
public final class AfterTransaction {

    private AfterTransaction() {}

    /** Runs {@code evict} now and, inside a transaction, once more after it completed (committed or rolled back). */
    public static void evictNowAndAfter(Runnable evict) {
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }
}
