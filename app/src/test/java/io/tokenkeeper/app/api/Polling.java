package io.tokenkeeper.app.api;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a call until its result passes, for changes that reach other nodes asynchronously. The product promises
 * every node within one second, so one second is the bound; the last result is returned either way, for the test to
 * assert on.
 */
final class Polling {

    static final Duration PROPAGATION = Duration.ofSeconds(1);

    private Polling() {}

    static <T> T within1Second(Supplier<T> call, Predicate<T> done) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        var result = call.get();
        while (!done.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = call.get();
        }
        return result;
    }
}
