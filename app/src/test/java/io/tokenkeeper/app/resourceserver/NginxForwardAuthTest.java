package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.Nginx;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's nginx configuration, run by a real nginx in front of a tiny upstream: a valid token reaches the
 * upstream with the user header, a revoked one gets 401, one without the route's scope 403.
 */
@ApplicationTest
class NginxForwardAuthTest {

    @LocalServerPort
    int tokenkeeperPort;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer upstream;
    private Nginx nginx;
    private ResourceServerTestData.Registered orders;

    @BeforeEach
    void startUpstreamAndNginx() throws Exception {
        orders = data.aServer();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            var body = ("upstream saw user " + exchange.getRequestHeaders().getFirst("X-Tokenkeeper-User"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();

        nginx = Nginx.start(this::configuration);
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void a_valid_token_reaches_the_upstream_a_revoked_one_gets_401_and_a_wrong_scope_403() throws Exception {
        var alice = users.aUserWithApiAccess();
        var reader = data.aToken(alice, List.of(orders.read()), List.of());
        var writerOnly = data.aToken(alice, List.of(orders.write()), List.of());

        var through = get("Bearer " + reader.secret().reveal());
        assertThat(through.statusCode()).isEqualTo(200);
        assertThat(through.body())
                .isEqualTo("upstream saw user " + alice.username().value());
        assertThat(get("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((alice.username().value() + ":"
                                                        + reader.secret().reveal())
                                                .getBytes(StandardCharsets.UTF_8)))
                        .statusCode())
                .as("HTTP Basic with the token as password works as with the API")
                .isEqualTo(200);
        assertThat(get("Bearer " + writerOnly.secret().reveal()).statusCode()).isEqualTo(403);
        assertThat(get(null).statusCode()).isEqualTo(401);

        tokens.revoke(new Actor(alice, null), reader.token().id());
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        var after = get("Bearer " + reader.secret().reveal());
        while (after.statusCode() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = get("Bearer " + reader.secret().reveal());
        }
        assertThat(after.statusCode()).isEqualTo(401);
    }

    /** The README's snippet, with this run's addresses, scope and credential in it, as nginx's one server. */
    private String configuration(int port) {
        String readme;
        try {
            readme = Files.readString(Path.of("..", "README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = readme.indexOf("```nginx", readme.indexOf("<!-- nginx-forward-auth -->")) + "```nginx".length();
        var snippet = readme.substring(start, readme.indexOf("```", start))
                .replace(
                        "http://orders-backend",
                        "http://127.0.0.1:" + upstream.getAddress().getPort())
                .replace("http://tokenkeeper:8080", "http://127.0.0.1:" + tokenkeeperPort)
                .replace("orders:read", orders.read())
                .replace("Basic BASE64_CLIENT_ID_AND_SECRET", orders.basic());
        return """
                server {
                    listen 127.0.0.1:%d;
                    %s
                }
                """.formatted(port, snippet);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + "/orders"))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
