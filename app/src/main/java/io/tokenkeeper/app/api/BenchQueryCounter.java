package io.tokenkeeper.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * For the load benchmark only ({@value BenchEndpoints#PROPERTY}): counts the statements the application runs through
 * jOOQ, all of them and those on Tomcat's request threads, so that the benchmark can prove that a warm request needs
 * no query. Every query of the application goes through jOOQ.
 */
@Component
@ConditionalOnBooleanProperty(BenchEndpoints.PROPERTY)
final class BenchQueryCounter implements DefaultConfigurationCustomizer, ExecuteListener {

    private final LongAdder all = new LongAdder();
    private final LongAdder onRequestThreads = new LongAdder();

    @Override
    public void customize(DefaultConfiguration configuration) {
        var providers = new ArrayList<>(List.of(configuration.executeListenerProviders()));
        providers.add(new DefaultExecuteListenerProvider(this));
        configuration.set(providers.toArray(ExecuteListenerProvider[]::new));
    }

    @Override
    public void executeStart(ExecuteContext context) {
        all.increment();
        if (Thread.currentThread().getName().contains("-exec-")) {
            onRequestThreads.increment();
        }
    }

    /** {@code GET /api/bench/queries}. */
    record Counts(long all, long onRequestThreads) {}

    Counts counts() {
        return new Counts(all.sum(), onRequestThreads.sum());
    }
}
