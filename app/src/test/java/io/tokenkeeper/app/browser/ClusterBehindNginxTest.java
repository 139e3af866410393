package io.tokenkeeper.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.api.SecondNode;
import io.tokenkeeper.app.base.Nginx;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster of docker-compose.yml's "cluster" profile: its nginx configuration, read from that file and run by a
 * real nginx, in front of two nodes on one database. A browser session stays on its node, API calls go to both, and a
 * token revoked through one node is refused through either within a second.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterBehindNginxTest {

    private static final String ME = "/api/v1/me";

    @RegisterExtension
    static final SecondNode nodeB = SecondNode.withPages();

    @LocalServerPort
    int portA;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    @Autowired
    MeterRegistry metricsA;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Nginx nginx;
    private ChromeDriver driver;

    @BeforeAll
    void startClusterAndBrowser() throws Exception {
        nginx = Nginx.start(this::configuration);
        driver = Browser.start();
    }

    @AfterAll
    void stopAll() {
        if (driver != null) {
            driver.quit();
        }
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void a_browser_session_stays_on_the_node_that_started_it() throws Exception {
        var user = users.aUserWithApiAccess();
        Browser.signIn(
                driver,
                nginx.port(),
                "/settings/user-information/api-tokens",
                user.username().value(),
                UserTestData.PASSWORD);
        var wait = Browser.waitFor(driver);
        for (int i = 0; i < 6; i++) {
            driver.navigate().refresh();
            wait.until(elementToBeClickable(Browser.ADD_NEW_TOKEN));
            assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        }
        assertThat(driver.manage().getCookieNamed("TOKENKEEPER_NODE")).isNotNull();

        Browser.startNewToken(driver, "Through the cluster");
        driver.findElement(Browser.GENERATE_TOKEN).click();
        String shown = wait.until(visibilityOfElementLocated(
                        By.xpath("//vaadin-text-field[label[starts-with(.,'Your new API token')]]/input")))
                .getDomProperty("value");
        assertThat(TokenSecret.parse(shown)).isPresent();
    }

    @Test
    void api_calls_go_to_both_nodes_and_a_revoke_through_one_is_refused_through_either_within_a_second()
            throws Exception {
        var owner = users.aUserWithApiAccess();
        var actor = new Actor(owner, null);
        var caller = "Bearer "
                + tokens.generate(actor, "cluster caller", null).secret().reveal();
        var revoked = tokens.generate(actor, "cluster revoked", null);
        var revokedBearer = "Bearer " + revoked.secret().reveal();
        var metricsB = nodeB.bean(MeterRegistry.class);

        double beforeA = authentications(metricsA);
        double beforeB = authentications(metricsB);
        for (int i = 0; i < 10; i++) {
            assertThat(call("GET", ME, caller).statusCode()).isEqualTo(200);
            assertThat(call("GET", ME, revokedBearer).statusCode()).isEqualTo(200);
        }
        assertThat(authentications(metricsA) - beforeA)
                .as("calls answered by node A")
                .isGreaterThanOrEqualTo(5);
        assertThat(authentications(metricsB) - beforeB)
                .as("calls answered by node B")
                .isGreaterThanOrEqualTo(5);

        var delete = call("DELETE", "/api/v1/tokens/" + revoked.token().id().value(), caller);
        assertThat(delete.statusCode()).isEqualTo(204);

        // Every node hears of the revoke through PostgreSQL within a second; then both refuse it.
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int status = call("GET", ME, revokedBearer).statusCode();
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = call("GET", ME, revokedBearer).statusCode();
        }
        assertThat(status).isEqualTo(401);
        assertThat(call("GET", ME, revokedBearer).statusCode()).isEqualTo(401);
        assertThat(call("GET", ME, revokedBearer).statusCode()).isEqualTo(401);
        assertThat(call("GET", ME, caller).statusCode()).isEqualTo(200);
    }

    private static double authentications(MeterRegistry registry) {
        return registry.find("tokenkeeper.api.authentications").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** docker-compose.yml's proxy configuration, with this run's nodes and port in it. */
    @SuppressWarnings("unchecked")
    private String configuration(int port) {
        Map<String, Object> compose;
        try {
            compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var configs = (Map<String, Map<String, String>>) compose.get("configs");
        return configs.get("cluster-nginx")
                .get("content")
                .replace("$$", "$")
                .replace("server app:8080;", "server 127.0.0.1:" + portA + ";")
                .replace("server app-2:8080;", "server 127.0.0.1:" + nodeB.port() + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
    }
}
