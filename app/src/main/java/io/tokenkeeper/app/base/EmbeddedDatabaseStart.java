package io.tokenkeeper.app.base;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is known, so that the database
 * starts while the web server and the views are set up instead of after them; {@link DataSourceConfig} waits for it
 * when the first bean needs the database. Added by {@code Application.main}, so it runs before the application
 * context is refreshed — not through {@code META-INF/spring.factories}, which would start a database for every Spring
 * application on the class path (the tests' stand-in resource server left one running). Tests that build the context
 * themselves start the database when the data source needs it. Nothing starts when {@code spring.datasource.url} is
 * set, nor while Spring AOT processes the application at build time.
 */
public final class EmbeddedDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStart.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (Boolean.getBoolean("spring.aot.processing")
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        // Bound here once: a directory such as the tests' target/test-postgres/${random.uuid} must not be resolved
        // twice.
        var settings = Binder.get(environment).bindOrCreate("tokenkeeper.database", DatabaseProperties.class);
        var starting = new Starting(settings.directory());
        context.getBeanFactory().registerSingleton("embeddedDatabaseStarting", starting);
        // A start-up that fails before the data source took the database would leave it running.
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationFailedEvent) {
                starting.discard();
            }
        });
    }

    /** Starts PostgreSQL on the data in {@code directory} (created when missing), on the calling thread. */
    static EmbeddedPostgres start(Path directory) throws IOException {
        Path data = directory.toAbsolutePath().normalize();
        Files.createDirectories(data);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // Stopped by the application context, after the pool and whatever writes on shutdown (the last flush
                // of token usage): zonky's own shutdown hook would stop it at the same time as Spring's closes the
                // application.
                .setRegisterShutdownHook(false)
                .start();
        log.info(
                "Started the embedded PostgreSQL on port {}; its data is kept in {}."
                        + " Set SPRING_DATASOURCE_URL to use another PostgreSQL instead.",
                postgres.getPort(),
                data);
        return postgres;
    }

    /** The embedded PostgreSQL being started; taken once by the data source, stopped if nobody takes it. */
    static final class Starting {

        private final CompletableFuture<EmbeddedPostgres> postgres;
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(Path directory) {
            postgres = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return start(directory);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    task -> Thread.ofPlatform()
                            .name("embedded-postgres-start")
                            .daemon()
                            .start(task));
        }

        /** Waits until the database has started and hands it over; its owner stops it. */
        EmbeddedPostgres take() throws IOException {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded PostgreSQL was already taken");
            }
            try {
                return postgres.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }

        /** Stops the database, when it starts, unless it was taken. */
        void discard() {
            if (taken.compareAndSet(false, true)) {
                postgres.thenAccept(started -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        log.warn("Could not stop the embedded PostgreSQL nobody used", e);
                    }
                });
            }
        }
    }
}
