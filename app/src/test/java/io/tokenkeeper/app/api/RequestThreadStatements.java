package io.tokenkeeper.app.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads the application's own count of the SQL statements run on threads that serve a request (the counter
 * {@code tokenkeeper.db.statements} with {@code thread=request}): how a test proves that a request needed no query.
 */
@Component
final class RequestThreadStatements {

    private final MeterRegistry registry;

    RequestThreadStatements(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Statements run on request threads so far. */
    long executed() {
        return (long) registry.get("tokenkeeper.db.statements")
                .tag("thread", "request")
                .counter()
                .count();
    }
}
