package io.tokenkeeper.app.base;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether the database can be reached, as this node last found out. The first failure to reach it logs one warning
 * and starts a probe that tries again every second; the first success logs one line saying how long it took and how
 * many requests were refused or answered from memory meanwhile. While it is unreachable, callers fail fast instead of
 * waiting for a connection each ({@link #isReachable()}). Metrics: {@code tokenkeeper.database.reachable} (1 or 0) and
 * {@code tokenkeeper.api.answers.from.memory}.
 */
public final class DatabaseStatus {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatus.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong fromMemory = new AtomicLong();
    private final Counter answersFromMemory;
    private volatile Instant downSince = Instant.EPOCH;

    public DatabaseStatus(DataSource dataSource, Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder("tokenkeeper.database.reachable", reachable, flag -> flag.get() ? 1 : 0)
                .description("Whether this node can reach the database (1) or not (0)")
                .register(metrics);
        this.answersFromMemory = Counter.builder("tokenkeeper.api.answers.from.memory")
                .description("Authenticated calls answered from this node's memory while the database was unreachable")
                .register(metrics);
    }

    public boolean isReachable() {
        return reachable.get();
    }

    /** Whether {@code error} says the database could not be reached (rather than refusing a statement). */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Something failed to reach the database: the first such failure of an outage is logged, once. */
    public void unreachable(Throwable cause) {
        if (reachable.compareAndSet(true, false)) {
            downSince = clock.instant();
            refused.set(0);
            fromMemory.set(0);
            log.warn(
                    "The database is unreachable ({}). Until it is back the API answers tokens this node verified"
                            + " lately from memory and everything else with 503, and the pages say so.",
                    cause.getClass().getSimpleName());
            Thread.ofVirtual().name("database-probe").start(this::probeUntilBack);
        }
    }

    /** A request was refused because the database is unreachable. */
    public void refused() {
        refused.incrementAndGet();
    }

    /** A request was answered from memory because the database is unreachable. */
    public void answeredFromMemory() {
        fromMemory.incrementAndGet();
        answersFromMemory.increment();
    }

    /** Something reached the database. */
    public void reached() {
        if (reachable.compareAndSet(false, true)) {
            log.info(
                    "The database is back after {} s; requests refused meanwhile: {}, answered from memory: {}.",
                    Duration.between(downSince, clock.instant()).toSeconds(),
                    refused.get(),
                    fromMemory.get());
        }
    }

    private void probeUntilBack() {
        while (!reachable.get()) {
            try {
                Thread.sleep(PROBE_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("select 1");
                reached();
            } catch (SQLException | RuntimeException stillDown) {
                // Still unreachable; the next probe comes in a second.
            }
        }
    }
}
