package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import example.orders.OrdersApi;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** An unmodified Spring Boot opaque-token resource server accepts Tokenkeeper tokens, configured by properties only. */
@ApplicationTest
class SpringResourceServerTest {

    @LocalServerPort
    int tokenkeeperPort;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private ResourceServerTestData.Registered registered;
    private ConfigurableApplicationContext orders;

    @BeforeEach
    void startTheOrdersApi() {
        registered = data.aServer();
        orders = new SpringApplicationBuilder(OrdersApi.class)
                .properties(
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "spring.application.name=orders",
                        OrdersApi.READ_SCOPE_PROPERTY + "=" + registered.read(),
                        "spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=http://127.0.0.1:"
                                + tokenkeeperPort + "/oauth2/introspect",
                        "spring.security.oauth2.resourceserver.opaquetoken.client-id=" + registered.clientId(),
                        "spring.security.oauth2.resourceserver.opaquetoken.client-secret=" + registered.secret())
                .run();
    }

    @AfterEach
    void stopIt() {
        orders.close();
    }

    @Test
    void a_reader_reads_a_token_without_the_scope_gets_403_and_a_revoked_one_401_on_its_next_request()
            throws Exception {
        var alice = users.aUserWithApiAccess();
        var reader = data.aToken(alice, List.of(registered.read()), List.of());
        var writerOnly = data.aToken(alice, List.of(registered.write()), List.of());

        var read = get(reader);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("orders of " + alice.username().value());
        assertThat(get(writerOnly).statusCode()).isEqualTo(403);

        tokens.revoke(new Actor(alice, null), reader.token().id());
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        var after = get(reader);
        while (after.statusCode() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = get(reader);
        }
        assertThat(after.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(GeneratedToken token) throws Exception {
        int port = ((WebServerApplicationContext) orders).getWebServer().getPort();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                        .header("Authorization", "Bearer " + token.secret().reveal())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
