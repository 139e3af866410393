package io.tokenkeeper.app.base;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Counts the SQL statements the application runs as the counter {@value #NAME}, tagged {@code thread=request} when a
 * statement runs on a thread that serves an HTTP request and {@code thread=background} otherwise (the API's background
 * writer, the first start). All of the application's statements go through jOOQ, which calls this before each one. A
 * warm API request adds nothing to either; Prometheus and the load benchmark read both from
 * {@code /actuator/prometheus}.
 */
@Component
final class StatementMetrics implements ExecuteListenerProvider {

    static final String NAME = "tokenkeeper.db.statements";

    private final ExecuteListener listener;

    StatementMetrics(MeterRegistry registry) {
        var onRequestThreads = counter(registry, "request");
        var inTheBackground = counter(registry, "background");
        this.listener = ExecuteListener.onExecuteStart(
                context -> (servingARequest() ? onRequestThreads : inTheBackground).increment());
    }

    @Override
    public ExecuteListener provide() {
        return listener;
    }

    /** Spring's request context filter runs before every other filter, the API's authentication included. */
    private static boolean servingARequest() {
        return RequestContextHolder.getRequestAttributes() != null;
    }

    private static Counter counter(MeterRegistry registry, String thread) {
        return Counter.builder(NAME)
                .description("SQL statements run, on threads serving an HTTP request or in the background")
                .tag("thread", thread)
                .register(registry);
    }
}
