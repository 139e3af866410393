package io.tokenkeeper.app.api;

import com.zaxxer.hikari.HikariDataSource;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on a dedicated PostgreSQL connection for the notifications that the database's triggers send when a token
 * or its owner changes (migration V3) or the token policy does (V9), and evicts what they name from this node's
 * {@link CachedTokenGrants} and {@link CachedPolicy}. Until it is listening, and whenever the connection is lost, both
 * are cleared and bypassed; it reconnects by itself.
 */
final class TokenChangeListener implements SmartLifecycle {

    static final String CHANNEL = "tokenkeeper_token_changes";
    static final String APPLICATION_NAME = "tokenkeeper-token-listener";

    private static final Logger log = LoggerFactory.getLogger(TokenChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final CachedTokenGrants cache;
    private final CachedPolicy policy;

    private volatile boolean running;
    private volatile @Nullable Connection connection;
    private @Nullable Thread thread;

    TokenChangeListener(DataSource dataSource, CachedTokenGrants cache, CachedPolicy policy) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.policy = policy;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("token-change-listener").daemon().start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        listening(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        var pause = Duration.ofMillis(100);
        while (running) {
            try (var listening = connect()) {
                connection = listening;
                try (var statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listening(true);
                pause = Duration.ofMillis(100);
                receive(listening);
            } catch (SQLException | RuntimeException e) {
                listening(false);
                if (running) {
                    log.warn(
                            "Not listening for token and policy changes ({}); the API reads them from the database"
                                    + " until it reconnects.",
                            e.getClass().getSimpleName());
                }
            } finally {
                connection = null;
            }
            if (running) {
                pause = sleep(pause);
            }
        }
    }

    private void receive(Connection listening) throws SQLException {
        var notifications = listening.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            var received = notifications.getNotifications(POLL_MILLIS);
            if (received != null) {
                for (var notification : received) {
                    handle(notification.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck > 0) {
                if (!listening.isValid(2)) {
                    throw new SQLException("The listening connection is gone");
                }
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void listening(boolean listening) {
        cache.listening(listening);
        policy.listening(listening);
    }

    /** "token:&lt;id&gt;", "owner:&lt;id&gt;" or "policy"; anything else clears both caches. */
    void handle(@Nullable String payload) {
        if ("policy".equals(payload)) {
            policy.evict();
            return;
        }
        try {
            if (payload != null && payload.startsWith("token:")) {
                cache.tokenChanged(new TokenId(Long.parseLong(payload.substring("token:".length()))));
                return;
            }
            if (payload != null && payload.startsWith("owner:")) {
                cache.ownerChanged(new UserId(Long.parseLong(payload.substring("owner:".length()))));
                return;
            }
        } catch (IllegalArgumentException unexpected) {
            // Fall through: when in doubt, forget everything.
        }
        cache.evictAll();
        policy.evict();
    }

    /** Its own connection beside the pool when the pool says how to make one, so that no pooled connection is held. */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null) {
                var properties = new Properties();
                properties.putAll(hikari.getDataSourceProperties());
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                properties.setProperty("ApplicationName", APPLICATION_NAME);
                properties.setProperty("connectTimeout", "5");
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }

    private Duration sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        var longer = pause.multipliedBy(2);
        return longer.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : longer;
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is how the listener is woken up; a failure here changes nothing.
        }
    }
}
