package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.tokenkeeper.app.base.Nginx;
import io.tokenkeeper.domain.token.TokenSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar as people run it: extracted like the start-up benchmark does, started with Spring AOT
 * ({@code -Dspring.aot.enabled=true}) in a process of its own, stopped with SIGTERM and started again. Proves that the
 * AOT-processed jar serves the sign-in and the New API Token dialog in a browser and the API on its embedded
 * PostgreSQL, that SIGTERM writes the token usage still held in memory before the database stops, that the data
 * survives a restart, and that with {@code SPRING_DATASOURCE_URL} it uses that PostgreSQL and starts no embedded one.
 *
 * <p>A Failsafe test: {@code ./mvnw verify} runs it after {@code package}, on {@code target/tokenkeeper.jar}. The
 * methods run in order and share the embedded-database installation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionJarIT {

    private static final String ADMIN_PASSWORD = "jar-under-test-passphrase";
    private static final String TOKEN_NAME = "Production jar token";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    /** Calls the first run makes with the token; none of them reaches the database before the stop. */
    private static final int CALLS_BEFORE_THE_STOP = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

    private final List<RunningJar> started = new ArrayList<>();
    private Path work;
    private Path application;
    private Path embeddedData;
    private @Nullable RunningJar firstRun;
    private @Nullable String token;
    private @Nullable EmbeddedPostgres external;

    @BeforeAll
    void extractTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("tokenkeeper.jar", "target/tokenkeeper.jar"));
        assertThat(jar)
                .as("the packaged jar; ./mvnw verify builds it before this test runs")
                .isRegularFile();
        work = Path.of("target", "production-jar-it").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        application = work.resolve("app");
        embeddedData = work.resolve("postgres");
        var process = new ProcessBuilder(
                        java(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        application.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("extract.log").toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("extraction finished")
                .isTrue();
        assertThat(process.exitValue()).as("exit code of the extraction").isZero();
        assertThat(application.resolve("tokenkeeper.jar")).isRegularFile();
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (var jar : started) {
            jar.kill();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    @Order(1)
    void on_its_embedded_database_the_admin_generates_a_token_in_the_browser_that_the_api_accepts() throws Exception {
        var run = start("run-1-embedded", embeddedMode(Map.of("TOKENKEEPER_ACTIVITY_FLUSH", "1h")));
        firstRun = run;
        assertThat(run.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        var anonymous = run.get("/api/v1/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        String value = generateTokenInTheBrowser(run.port());
        assertThat(TokenSecret.parse(value)).as("the value shown in the dialog").isPresent();
        token = value;

        var self = run.get("/api/v1/tokens/self", value);
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(json(self).get("name").asString()).isEqualTo(TOKEN_NAME);
        assertThat(run.get("/api/v1/me", value).statusCode()).isEqualTo(200);
        // The first run writes summed usage only when it stops (flush every hour): so far nothing is in the database.
        var activity = run.get("/api/v1/tokens/self/activity", value);
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(json(activity).get("totalCalls").asLong()).isZero();
    }

    @Test
    @Order(2)
    void sigterm_stops_it_cleanly_after_writing_the_last_token_usage() throws Exception {
        assertThat(firstRun).as("the first run, started by the previous test").isNotNull();
        int exit = firstRun.terminate();

        assertThat(exit).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
        String log = firstRun.log();
        assertThat(log).contains("Started the embedded PostgreSQL").doesNotContain("Could not write token usage");
        assertThat(errors(log)).as("ERROR lines in %s", firstRun.logFile()).isEmpty();
    }

    @Test
    @Order(3)
    void started_again_on_the_same_data_the_token_works_and_its_calls_before_the_stop_are_counted() throws Exception {
        assertThat(token).as("the token generated by the first test").isNotNull();
        var run = start("run-2-embedded-again", embeddedMode(Map.of()));

        var activity = run.get("/api/v1/tokens/self/activity", token);
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(json(activity).get("totalCalls").asLong())
                .as("calls of the first run, written by its final flush on SIGTERM")
                .isEqualTo(CALLS_BEFORE_THE_STOP);
        var self = run.get("/api/v1/tokens/self", token);
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(json(self).get("lastUsedAt").isNull())
                .as("lastUsedAt is set")
                .isFalse();
        assertThat(run.log()).doesNotContain("Created the administrator");

        assertThat(run.terminate()).isEqualTo(143);
        assertThat(run.log()).doesNotContain("Could not write token usage");
    }

    @Test
    @Order(4)
    void with_spring_datasource_url_it_uses_that_postgresql_and_starts_no_embedded_one() throws Exception {
        var postgres = EmbeddedPostgres.builder().start();
        external = postgres;
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        Path unused = work.resolve("postgres-not-used");
        var run = start(
                "run-3-external",
                Map.of(
                        "SPRING_DATASOURCE_URL",
                        url,
                        "SPRING_DATASOURCE_USERNAME",
                        "postgres",
                        "SPRING_DATASOURCE_PASSWORD",
                        "postgres",
                        "TOKENKEEPER_DATABASE_DIRECTORY",
                        unused.toString(),
                        "TOKENKEEPER_ADMIN_PASSWORD",
                        ADMIN_PASSWORD));

        assertThat(run.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(run.log()).doesNotContain("Started the embedded PostgreSQL");
        assertThat(unused).doesNotExist();
        try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
                var rows = connection
                        .createStatement()
                        .executeQuery("select count(*) from app_user where username = 'admin'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1))
                    .as("the administrator, created in the configured database")
                    .isEqualTo(1);
        }
        assertThat(run.terminate()).isEqualTo(143);
    }

    private String generateTokenInTheBrowser(int port) throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            Browser.signIn(driver, port, "/settings/user-information/api-tokens", "admin", ADMIN_PASSWORD);
            var wait = Browser.waitFor(driver);
            Browser.startNewToken(driver, TOKEN_NAME);
            driver.findElement(Browser.GENERATE_TOKEN).click();
            return wait.until(visibilityOfElementLocated(Browser.NEW_TOKEN_VALUE))
                    .getDomProperty("value");
        } finally {
            driver.quit();
        }
    }

    private Map<String, String> embeddedMode(Map<String, String> more) {
        var environment = new HashMap<>(more);
        environment.put("TOKENKEEPER_DATABASE_DIRECTORY", embeddedData.toString());
        environment.put("TOKENKEEPER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return environment;
    }

    /** Starts the extracted jar with Spring AOT and waits until it serves /login and is ready. */
    private RunningJar start(String name, Map<String, String> environment) throws Exception {
        int port = Nginx.freePort();
        var builder = new ProcessBuilder(
                        java(),
                        "-Dspring.aot.enabled=true",
                        "-jar",
                        application.resolve("tokenkeeper.jar").toString(),
                        "--server.port=" + port)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        // Only what this test sets: nothing from the environment of the build decides the database.
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("TOKENKEEPER_"));
        builder.environment().putAll(environment);
        var jar = new RunningJar(builder.start(), port, work.resolve(name + ".log"), environment);
        started.add(jar);
        jar.awaitReady();
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The ERROR lines of a log, each with the line after it (an exception's message, if any). */
    private static List<String> errors(String log) {
        var lines = log.lines().toList();
        var errors = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            if (ERROR_LINE.matcher(lines.get(i)).find()) {
                errors.add(lines.get(i) + (i + 1 < lines.size() ? "\n" + lines.get(i + 1) : ""));
            }
        }
        return errors;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One start of the jar: its process, port and log. */
    private record RunningJar(Process process, int port, Path logFile, Map<String, String> environment) {

        void awaitReady() throws Exception {
            var deadline = Instant.now().plus(START_TIMEOUT);
            for (String path : List.of("/login", "/actuator/health/readiness")) {
                while (status(path) != 200) {
                    if (!process.isAlive()) {
                        throw new AssertionError("The application stopped (exit code " + process.exitValue()
                                + ") before " + path + " answered 200: " + errors(log()) + "; see " + logFile);
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new AssertionError(
                                path + " did not answer 200 within " + START_TIMEOUT + "; see " + logFile);
                    }
                    Thread.sleep(200);
                }
            }
        }

        private int status(String path) {
            try {
                return get(path, null).statusCode();
            } catch (RuntimeException notYet) {
                return -1;
            }
        }

        HttpResponse<String> get(String path, @Nullable String token) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Sends SIGTERM, as {@code docker stop} and systemd do, and waits for the process to end. */
        int terminate() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Still running " + STOP_TIMEOUT + " after SIGTERM; see " + logFile);
            }
            return process.exitValue();
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        /**
         * Ends the process if it still runs, and then the embedded PostgreSQL it started: that server is not a child of
         * the JVM (pg_ctl detaches it), so a JVM that had to be killed would leave it behind.
         */
        void kill() throws Exception {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            if (process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            String data = environment.get("TOKENKEEPER_DATABASE_DIRECTORY");
            Path pidFile = data == null ? null : Path.of(data, "postmaster.pid");
            if (pidFile == null || !Files.isRegularFile(pidFile)) {
                return;
            }
            var lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            var postgres = ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                    .filter(server -> server.info().command().orElse("").endsWith("postgres"));
            if (postgres.isPresent()) {
                postgres.get().destroy();
                try {
                    postgres.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    postgres.get().destroyForcibly();
                }
            }
        }
    }
}
