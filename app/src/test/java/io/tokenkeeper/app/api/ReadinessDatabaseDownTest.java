package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The application on a PostgreSQL of its own that the test stops and starts again: readiness follows the database,
 * liveness does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessDatabaseDownTest {

    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final Duration RESTART = Duration.ofSeconds(20);

    private Path data;
    private EmbeddedPostgres postgres;
    private OtherNode node;

    @BeforeAll
    void start() throws IOException {
        data = Files.createDirectories(Path.of("target", "test-postgres", "readiness-" + UUID.randomUUID()));
        postgres = postgres(0);
        node = OtherNode.start(
                postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.hikari.connection-timeout=1000");
    }

    @AfterAll
    void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void readiness_goes_down_with_the_database_and_comes_back_with_it() throws IOException {
        var api = new ApiClient(node.port());
        assertThat(api.getAnonymously(READINESS).statusCode()).isEqualTo(200);

        int port = postgres.getPort();
        postgres.close();
        var down = api.getAnonymously(READINESS);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"");
        assertThat(api.getAnonymously(LIVENESS).statusCode()).isEqualTo(200);

        postgres = postgres(port);
        var up = until(() -> api.getAnonymously(READINESS), response -> response.statusCode() == 200);

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"");
    }

    /** A PostgreSQL on {@code port} (0: any) that keeps its data in this test's directory across restarts. */
    private EmbeddedPostgres postgres(int port) throws IOException {
        var builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        return port == 0 ? builder.start() : builder.setPort(port).start();
    }

    private static HttpResponse<String> until(
            Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + RESTART.toNanos();
        var result = call.get();
        while (!done.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = call.get();
        }
        return result;
    }
}
