package io.tokenkeeper.app.activity;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rule of the lifecycle policy periodically on a thread of its own. The rule itself makes sure that work is
 * done once across nodes; a failure is logged by type and tried again next time.
 */
public final class Sweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final ScheduledExecutorService executor;

    public Sweeper(String name, Duration every, Runnable rule) {
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        rule.run();
                    } catch (RuntimeException e) {
                        log.warn(
                                "{} failed; trying again later ({})",
                                name,
                                e.getClass().getSimpleName());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
