package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The forward-auth endpoint as a proxy calls it, over real HTTP: the scopes a route asks for, in either place. */
@ApplicationTest
class ForwardAuthHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_same_ask_gets_the_same_answer_each_time_and_scopes_asked_in_the_url_and_the_header_are_all_required()
            throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of())
                .secret()
                .reveal();

        for (int i = 0; i < 3; i++) {
            assertThat(check(orders, token, orders.read(), null).statusCode()).isEqualTo(200);
            assertThat(check(orders, token, null, orders.read()).statusCode()).isEqualTo(200);
            assertThat(check(orders, token, orders.write(), null).statusCode()).isEqualTo(403);
        }
        var both = check(orders, token, orders.read(), orders.write());
        assertThat(both.statusCode()).isEqualTo(403);
        assertThat(both.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .contains("scope=\"" + orders.read() + " " + orders.write() + "\""));
        assertThat(check(orders, token, orders.read() + " " + orders.read(), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_allowed_request_names_the_user_the_token_and_its_scopes_at_this_server_sorted() throws Exception {
        var orders = data.aServer();
        var other = data.aServer();
        var owner = users.aUserWithApiAccess();
        var generated = data.aToken(owner, List.of(orders.write(), other.read(), orders.read()), List.of());

        var allowed = check(orders, generated.secret().reveal(), orders.read(), null);

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("X-Tokenkeeper-User"))
                .hasValue(owner.username().value());
        assertThat(allowed.headers().firstValue("X-Tokenkeeper-Scopes")).hasValue(orders.read() + " " + orders.write());
        assertThat(allowed.headers().firstValue("X-Tokenkeeper-Token-Id"))
                .hasValue(Long.toString(generated.token().id().value()));
        assertThat(allowed.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void a_malformed_scope_is_the_proxys_configuration_error_every_time_it_is_asked() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of())
                .secret()
                .reveal();

        for (int i = 0; i < 2; i++) {
            var malformed = check(orders, token, "Orders Read!", null);
            assertThat(malformed.statusCode()).isEqualTo(500);
            assertThat(malformed.body()).contains("malformed scope");
        }
    }

    private HttpResponse<String> check(
            ResourceServerTestData.Registered server, String token, @Nullable String inUrl, @Nullable String inHeader)
            throws Exception {
        var url = "http://localhost:" + port + "/auth/forward"
                + (inUrl == null ? "" : "?scope=" + URLEncoder.encode(inUrl, StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header(ForwardAuthEndpoint.CLIENT_HEADER, server.basic());
        if (inHeader != null) {
            request.header(ForwardAuthEndpoint.SCOPE_HEADER, inHeader);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
