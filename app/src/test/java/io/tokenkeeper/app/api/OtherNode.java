package io.tokenkeeper.app.api;

import io.tokenkeeper.Application;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * One more instance of the whole application in this JVM, on a random port and the PostgreSQL at {@code jdbcUrl}. It
 * gives the JVM-wide security context strategy back as it found it, on start or at the latest on close: Vaadin
 * replaces it at start-up, and the test application's other tests rely on theirs.
 */
public final class OtherNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final SecurityContextHolderStrategy found;

    private OtherNode(ConfigurableApplicationContext context, SecurityContextHolderStrategy found) {
        this.context = context;
        this.found = found;
    }

    /** A node for API calls: the JVM keeps the security context strategy it had. */
    public static OtherNode start(String jdbcUrl, String... moreArguments) {
        var node = startWithPages(jdbcUrl, moreArguments);
        SecurityContextHolder.setContextHolderStrategy(node.found);
        return node;
    }

    /**
     * A node whose pages work too: Vaadin's security context strategy stays in place until {@link #close()}, because
     * the views read the signed-in user through it. Do not run other Spring tests of this JVM meanwhile.
     */
    public static OtherNode startWithPages(String jdbcUrl, String... moreArguments) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres"));
        arguments.addAll(List.of(moreArguments));
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            return new OtherNode(
                    new SpringApplicationBuilder(Application.class)
                            .profiles("test")
                            .run(arguments.toArray(String[]::new)),
                    strategy);
        } catch (RuntimeException e) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
            throw e;
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(found);
        }
    }
}
