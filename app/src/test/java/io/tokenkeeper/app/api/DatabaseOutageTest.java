package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.app.user.UserTestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * PostgreSQL stops under use and starts again: the API answers within a second throughout (a warm token's
 * {@code /me} from memory, everything else 503 with Retry-After), logs the outage once each way without stack
 * traces, and recovers by itself within five seconds of the database coming back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    private static final String ME = "/api/v1/me";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private Path data;
    private EmbeddedPostgres postgres;
    private OtherNode node;

    @BeforeAll
    void start() throws IOException {
        data = Files.createDirectories(Path.of("target", "test-postgres", "outage-" + UUID.randomUUID()));
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
        node = OtherNode.start(postgres.getJdbcUrl("postgres", "postgres"));
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
    void the_api_answers_within_a_second_serves_warm_tokens_logs_once_and_recovers(CapturedOutput output)
            throws Exception {
        var users = node.bean(UserTestData.class);
        var tokens = node.bean(io.tokenkeeper.domain.token.TokenService.class);
        var owner = users.aUserWithApiAccess();
        var actor = new io.tokenkeeper.domain.user.Actor(owner, null);
        var warm = "Bearer " + tokens.generate(actor, "warm", null).secret().reveal();
        var cold = "Bearer " + tokens.generate(actor, "cold", null).secret().reveal();
        var api = new ApiClient(node.port());
        assertThat(api.get(ME, warm).statusCode()).isEqualTo(200);
        int logBefore = output.getAll().length();

        int port = postgres.getPort();
        postgres.close();
        var samples = new ArrayList<Sample>();
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until) {
            samples.add(timed("warm token, /me", () -> api.get(ME, warm)));
            samples.add(timed("cold token, /me", () -> api.get(ME, cold)));
            samples.add(timed("warm token, /tokens", () -> api.get("/api/v1/tokens", warm)));
        }

        assertThat(samples).allSatisfy(sample -> assertThat(sample.took()).isLessThan(ANSWER_WITHIN));
        assertThat(samples.stream().filter(s -> s.what().equals("warm token, /me")))
                .allSatisfy(sample -> assertThat(sample.status()).isEqualTo(200));
        assertThat(samples.stream().filter(s -> !s.what().equals("warm token, /me")))
                .allSatisfy(sample -> {
                    assertThat(sample.status()).isEqualTo(503);
                    assertThat(sample.retryAfter()).isTrue();
                });

        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        long back = System.nanoTime();
        HttpResponse<String> recovered = api.get(ME, cold);
        while (recovered.statusCode() != 200
                && System.nanoTime() - back < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(100);
            recovered = api.get(ME, cold);
        }
        assertThat(recovered.statusCode())
                .as("answered normally within 5 s of the database's return")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/tokens", warm).statusCode()).isEqualTo(200);

        Thread.sleep(300);
        var outageLog = output.getAll().substring(logBefore);
        assertThat(count(outageLog, "The database is unreachable")).isEqualTo(1);
        assertThat(count(outageLog, "The database is back")).isEqualTo(1);
        assertThat(count(outageLog, "\tat "))
                .as("no stack trace during the outage")
                .isZero();
    }

    private static Sample timed(String what, java.util.function.Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        var response = call.get();
        return new Sample(
                what,
                response.statusCode(),
                response.headers().firstValue("Retry-After").isPresent(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    private record Sample(String what, int status, boolean retryAfter, Duration took) {}
}
