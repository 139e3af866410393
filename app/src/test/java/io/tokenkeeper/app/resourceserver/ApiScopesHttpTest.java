package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.token.GeneratedToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tokenkeeper's own API enforces tokenkeeper:read and tokenkeeper:write. */
@ApplicationTest
class ApiScopesHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_read_only_token_reads_and_is_told_it_may_only_read_when_it_writes() throws Exception {
        var reader = data.aToken(users.aUserWithApiAccess(), List.of("tokenkeeper:read"), List.of());

        assertThat(send(reader, "GET", "/api/v1/me").statusCode()).isEqualTo(200);
        var write =
                send(reader, "DELETE", "/api/v1/tokens/" + reader.token().id().value());

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(write.body()).contains("This token may only read.");
        assertThat(send(reader, "GET", "/api/v1/tokens").body())
                .contains(reader.token().name().value());
    }

    @Test
    void a_token_for_another_api_only_cannot_use_tokenkeepers() throws Exception {
        var orders = data.aServer();
        var elsewhere = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());

        var read = send(elsewhere, "GET", "/api/v1/me");

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).contains("lacks tokenkeeper:read");
    }

    private HttpResponse<String> send(GeneratedToken token, String method, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token.secret().reveal())
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
