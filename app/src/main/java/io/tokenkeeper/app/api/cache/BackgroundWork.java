package io.tokenkeeper.app.api.cache;

import io.tokenkeeper.app.base.DatabaseStatus;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread beside the request threads for the API's database work that no response waits for: "last used", the
 * audit events of new addresses and throttling, and refreshing the cached policy. Bounded: when the database is slow,
 * work is dropped rather than queued without end, since all of it is a hint, coalesced, or done again later.
 */
public final class BackgroundWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final @Nullable DatabaseStatus database;

    /** @param database told when work failed to reach the database, which it then logs once per outage */
    public BackgroundWork(@Nullable DatabaseStatus database) {
        this.database = database;
    }

    /** Work that reports every failure in the log. */
    public BackgroundWork() {
        this(null);
    }

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            Thread.ofPlatform().name("api-background").daemon().factory(),
            new ThreadPoolExecutor.AbortPolicy());

    /**
     * Runs {@code work} soon on the background thread; a failure is logged with {@code what} and the exception's type
     * only, never its message (which may carry SQL).
     *
     * @return whether the work was accepted, {@code false} when the queue is full or the application stops
     */
    public boolean submit(String what, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    if (database != null && DatabaseStatus.isConnectionFailure(e)) {
                        database.unreachable(e);
                    } else {
                        log.warn("Could not {} ({})", what, e.getClass().getSimpleName());
                    }
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
