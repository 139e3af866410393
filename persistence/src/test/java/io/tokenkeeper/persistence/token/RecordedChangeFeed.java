package io.tokenkeeper.persistence.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.token.TokenAndPolicyChangeFeed;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to the {@link PostgresChangeFeed} of the test database that writes down what it hears, in the
 * notifications' own words ({@code token:<id>}, {@code owner:<id>}, {@code policy}, and {@code anything} for what the
 * feed cannot name). {@link #subscribe()} returns once the feed is connected, so that nothing written afterwards is
 * missed.
 */
public final class RecordedChangeFeed implements TokenAndPolicyChangeFeed.Subscriber, AutoCloseable {

    private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    private final TokenAndPolicyChangeFeed.Subscription subscription;

    private RecordedChangeFeed() {
        subscription = new PostgresChangeFeed(TestDatabase.dataSource()).subscribe(this);
    }

    public static RecordedChangeFeed subscribe() throws InterruptedException {
        var feed = new RecordedChangeFeed();
        assertThat(feed.connections.poll(10, TimeUnit.SECONDS)).isEqualTo("connected");
        return feed;
    }

    /** What arrived within half a second, after the writes committed. */
    public List<String> received() throws InterruptedException {
        var received = new ArrayList<String>();
        var first = changes.poll(500, TimeUnit.MILLISECONDS);
        if (first != null) {
            received.add(first);
            // Notifications of one commit arrive together; give the last of them a moment.
            for (var next = changes.poll(50, TimeUnit.MILLISECONDS);
                    next != null;
                    next = changes.poll(50, TimeUnit.MILLISECONDS)) {
                received.add(next);
            }
        }
        return received;
    }

    /** Whether the feed says it connected ({@code connected}) or lost its connection ({@code disconnected}) next. */
    public @Nullable String nextConnectionEvent() throws InterruptedException {
        return connections.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        subscription.close();
    }

    @Override
    public void connected() {
        connections.add("connected");
    }

    @Override
    public void disconnected(@Nullable Exception cause) {
        connections.add("disconnected");
    }

    @Override
    public void tokenChanged(TokenId token) {
        changes.add("token:" + token.value());
    }

    @Override
    public void ownerChanged(UserId owner) {
        changes.add("owner:" + owner.value());
    }

    @Override
    public void policyChanged() {
        changes.add("policy");
    }

    @Override
    public void anythingChanged() {
        changes.add("anything");
    }
}
