package io.tokenkeeper.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Counts the statements the application runs through jOOQ on Tomcat's request threads: how a test proves that a
 * request needed no query. Background work (the "last used" writer, schedulers) runs on other threads.
 */
@Component
final class QueryCounter implements DefaultConfigurationCustomizer, ExecuteListener {

    private final AtomicLong executed = new AtomicLong();

    @Override
    public void customize(DefaultConfiguration configuration) {
        var providers = new ArrayList<>(List.of(configuration.executeListenerProviders()));
        providers.add(new DefaultExecuteListenerProvider(this));
        configuration.set(providers.toArray(ExecuteListenerProvider[]::new));
    }

    @Override
    public void executeStart(ExecuteContext context) {
        if (Thread.currentThread().getName().contains("-exec-")) {
            executed.incrementAndGet();
        }
    }

    /** Statements run on request threads so far. */
    long executed() {
        return executed.get();
    }
}
