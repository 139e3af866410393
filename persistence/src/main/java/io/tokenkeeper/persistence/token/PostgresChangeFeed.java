package io.tokenkeeper.persistence.token;

import com.zaxxer.hikari.HikariDataSource;
import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
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

/**
 * The change feed over PostgreSQL {@code LISTEN}/{@code NOTIFY}: the database's triggers announce on the channel
 * {@value #CHANNEL}, when the writing transaction commits, every write that may change whether a token works (migration
 * V3: {@code token:<id>}, {@code owner:<user id>}) and every write to the token policy (V9: {@code policy}). Each
 * subscription listens on a connection of its own, beside the pool when the pool says how to make one (its
 * {@code application_name} is {@value #APPLICATION_NAME}), checks every {@value #CHECK_EVERY_SECONDS} seconds that the
 * connection is alive, and reconnects after losing it, waiting a little longer each time (up to 5 s).
 */
public final class PostgresChangeFeed implements TokenAndPolicyChangeFeed {

    static final String CHANNEL = "tokenkeeper_token_changes";
    public static final String APPLICATION_NAME = "tokenkeeper-token-listener";

    private static final int POLL_MILLIS = 500;
    private static final int CHECK_EVERY_SECONDS = 10;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final DataSource dataSource;

    public PostgresChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Subscription subscribe(Subscriber subscriber) {
        return new Listening(subscriber);
    }

    /**
     * {@code token:<id>}, {@code owner:<id>}, {@code policy} or {@code resource-servers}; anything else may mean
     * anything.
     */
    private static void deliver(@Nullable String payload, Subscriber subscriber) {
        try {
            if ("policy".equals(payload)) {
                subscriber.policyChanged();
                return;
            }
            if ("resource-servers".equals(payload)) {
                subscriber.resourceServersChanged();
                return;
            }
            if (payload != null && payload.startsWith("token:")) {
                subscriber.tokenChanged(new TokenId(Long.parseLong(payload.substring("token:".length()))));
                return;
            }
            if (payload != null && payload.startsWith("owner:")) {
                subscriber.ownerChanged(new UserId(Long.parseLong(payload.substring("owner:".length()))));
                return;
            }
        } catch (IllegalArgumentException unexpected) {
            // Fall through: when in doubt, everything may have changed.
        }
        subscriber.anythingChanged();
    }

    /** One subscription: a thread that listens on a connection of its own until closed. */
    private final class Listening implements Subscription {

        private final Subscriber subscriber;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile @Nullable Connection connection;

        Listening(Subscriber subscriber) {
            this.subscriber = subscriber;
            this.thread =
                    Thread.ofPlatform().name("token-change-listener").daemon().start(this::listen);
        }

        @Override
        public void close() {
            running = false;
            closeQuietly(connection);
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            subscriber.disconnected(null);
        }

        private void listen() {
            var pause = FIRST_PAUSE;
            while (running) {
                try (var listening = connect()) {
                    connection = listening;
                    try (var statement = listening.createStatement()) {
                        statement.execute("listen " + CHANNEL);
                    }
                    if (running) {
                        subscriber.connected();
                    }
                    pause = FIRST_PAUSE;
                    receive(listening);
                } catch (SQLException | RuntimeException e) {
                    if (running) {
                        subscriber.disconnected(e);
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
            long checkEvery = Duration.ofSeconds(CHECK_EVERY_SECONDS).toNanos();
            long nextCheck = System.nanoTime() + checkEvery;
            while (running) {
                var received = notifications.getNotifications(POLL_MILLIS);
                if (received != null) {
                    for (var notification : received) {
                        deliver(notification.getParameter(), subscriber);
                    }
                }
                if (System.nanoTime() - nextCheck > 0) {
                    if (!listening.isValid(2)) {
                        throw new SQLException("The listening connection is gone");
                    }
                    nextCheck = System.nanoTime() + checkEvery;
                }
            }
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

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is how the listening thread is woken up; a failure here changes nothing.
        }
    }
}
