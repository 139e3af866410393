package io.tokenkeeper.app.api;

import io.tokenkeeper.Application;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One more instance of the whole application in this JVM, on a random port and the PostgreSQL at {@code jdbcUrl}. It
 * leaves the JVM-wide security context strategy as it found it: Vaadin replaces it at start-up, and the test
 * application's other tests rely on theirs.
 */
final class OtherNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OtherNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static OtherNode start(String jdbcUrl, String... moreArguments) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres"));
        arguments.addAll(List.of(moreArguments));
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            return new OtherNode(new SpringApplicationBuilder(Application.class)
                    .profiles("test")
                    .run(arguments.toArray(String[]::new)));
        } finally {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
