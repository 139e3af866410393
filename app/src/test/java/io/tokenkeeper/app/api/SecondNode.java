package io.tokenkeeper.app.api;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A second node of the application for the tests of one class: an {@link OtherNode} on the PostgreSQL of the test's
 * own application context, started before the class's first test (and before its {@code @BeforeAll} methods) and
 * closed after its last (and after its {@code @AfterAll} methods). Register it on a static field of a Spring test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SecondNode nodeB = SecondNode.forApi();
 * }</pre>
 */
public final class SecondNode implements BeforeAllCallback, AfterAllCallback {

    private final boolean pages;
    private final String[] arguments;
    private @Nullable OtherNode node;

    private SecondNode(boolean pages, String... arguments) {
        this.pages = pages;
        this.arguments = arguments.clone();
    }

    /** A node for API calls ({@link OtherNode#start}), with these command-line arguments besides. */
    public static SecondNode forApi(String... arguments) {
        return new SecondNode(false, arguments);
    }

    /** A node whose pages work too ({@link OtherNode#startWithPages}), with these command-line arguments besides. */
    public static SecondNode withPages(String... arguments) {
        return new SecondNode(true, arguments);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        var jdbcUrl = SpringExtension.getApplicationContext(context)
                .getBean(HikariDataSource.class)
                .getJdbcUrl();
        node = pages ? OtherNode.startWithPages(jdbcUrl, arguments) : OtherNode.start(jdbcUrl, arguments);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        var started = node;
        node = null;
        if (started != null) {
            started.close();
        }
    }

    public int port() {
        return running().port();
    }

    public <T> T bean(Class<T> type) {
        return running().bean(type);
    }

    private OtherNode running() {
        var running = node;
        if (running == null) {
            throw new IllegalStateException("The second node runs only while its test class's tests do");
        }
        return running;
    }
}
