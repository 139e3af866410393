package io.tokenkeeper.app.resourceserver;

import static io.tokenkeeper.app.resourceserver.Introspections.json;
import static io.tokenkeeper.app.resourceserver.Introspections.within1Second;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.RawHttp;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.resourceserver.ClientId;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** RFC 7662 introspection by a registered resource server, over real HTTP. */
@ApplicationTest
class IntrospectionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    @Autowired
    UserAdministration userAdministration;

    @Autowired
    ResourceServerAdministration servers;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    CachedCredentials credentials;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_active_token_comes_back_with_only_the_scopes_it_holds_at_the_calling_server() throws Exception {
        var orders = data.aServer();
        var alice = users.aUserWithApiAccess();
        var token = data.aToken(alice, List.of(orders.read(), "tokenkeeper:read"), List.of());

        var answer = introspect(orders.basic(), "token=" + token.secret().reveal() + "&token_type_hint=access_token");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        var body = json(answer);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("scope").asString()).isEqualTo(orders.read());
        assertThat(body.get("username").asString()).isEqualTo(alice.username().value());
        assertThat(body.get("sub").asString()).isEqualTo(alice.username().value());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("aud").asString()).isEqualTo("https://" + orders.prefix() + ".example.com");
        assertThat(body.get("client_id").asString()).isEqualTo(orders.clientId());
        assertThat(body.get("iat").asLong()).isEqualTo(token.token().createdAt().getEpochSecond());
        assertThat(body.has("exp")).isFalse();
        assertThat(body.get("iss").asString()).startsWith("http://127.0.0.1:" + port);
        assertThat(answer.body()).doesNotContain(token.secret().reveal());
    }

    /**
     * A resource server introspects on every request it serves, over one kept-alive connection: an answer that closed
     * the connection would cost it (and this server) a new TCP connection per call, and a chunked one an extra write
     * to the socket per call. Raw HTTP/1.1 on one socket, as wrk and connection-pooling clients send it.
     */
    @Test
    void answers_keep_the_connection_open_for_the_next_introspection() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        var body = "token=" + token.secret().reveal();
        var request = "POST /oauth2/introspect HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: " + orders.basic() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n"
                + body;

        try (var http = new RawHttp(port)) {
            for (int call = 0; call < 3; call++) {
                var answer = http.exchange(request);

                assertThat(answer.head()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
                assertThat(answer.body()).contains("\"active\":true");
            }
        }
    }

    @Test
    void every_other_case_is_inactive_and_nothing_else() throws Exception {
        var orders = data.aServer();
        var other = data.aServer();
        var alice = users.aUserWithApiAccess();
        var noScopeHere = data.aToken(alice, List.of(other.read()), List.of());
        var revoked = data.aToken(alice, List.of(orders.read()), List.of());
        tokens.revoke(new Actor(alice, null), revoked.token().id());

        for (var presented : List.of(
                noScopeHere.secret().reveal(),
                revoked.secret().reveal(),
                "tkp_malformed",
                io.tokenkeeper.domain.token.TokenSecret.generate(new java.security.SecureRandom())
                        .reveal())) {
            var answer = introspect(orders.basic(), "token=" + presented);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"active\":false}");
        }
    }

    @Test
    void a_revoked_token_and_a_disabled_owner_turn_inactive_within_a_second() throws Exception {
        var orders = data.aServer();
        var alice = users.aUserWithApiAccess();
        var token = data.aToken(alice, List.of(orders.read()), List.of());
        assertThat(active(orders, token)).isTrue();
        var second = data.aToken(alice, List.of(orders.read()), List.of());
        assertThat(active(orders, second)).isTrue();

        tokens.revoke(new Actor(alice, null), token.token().id());
        assertThat(within1Second(() -> active(orders, token), active -> !active))
                .isFalse();

        userAdministration.disable(data.administrator(), alice.id());
        assertThat(within1Second(() -> active(orders, second), active -> !active))
                .isFalse();
    }

    @Test
    void a_token_with_allowed_addresses_is_active_only_for_a_client_inside_them() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of("203.0.113.0/24"));
        var value = token.secret().reveal();

        assertThat(json(introspect(orders.basic(), "token=" + value))
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(json(introspect(orders.basic(), "token=" + value + "&client_ip=203.0.113.7"))
                        .get("active")
                        .asBoolean())
                .isTrue();
        assertThat(json(introspect(orders.basic(), "token=" + value + "&client_ip=198.51.100.7"))
                        .get("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void a_wrong_unknown_or_disabled_client_credential_gets_401_invalid_client() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        var wrongSecret = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((orders.clientId() + ":tkc_wrong").getBytes(StandardCharsets.UTF_8));

        for (var credential : List.of(
                wrongSecret,
                "Basic " + "cnNfdW5rbm93bjp4",
                "Bearer " + token.secret().reveal())) {
            var answer = introspect(credential, "token=" + token.secret().reveal());
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(json(answer).get("error").asString()).isEqualTo("invalid_client");
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }

        servers.setEnabled(data.administrator(), orders.registered().server().id(), false);
        assertThat(within1Second(
                        () -> introspect(
                                        orders.basic(),
                                        "token=" + token.secret().reveal())
                                .statusCode(),
                        status -> status == 401))
                .isEqualTo(401);
    }

    @Test
    void a_replaced_secret_stops_working_on_this_node_as_soon_as_the_change_returns() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        var clientId = new ClientId(orders.clientId());
        assertThat(introspect(orders.basic(), "token=" + token.secret().reveal())
                        .statusCode())
                .isEqualTo(200);
        assertThat(credentials.isCached(clientId))
                .as("warm after one introspection")
                .isTrue();

        var renewed = servers.regenerateSecret(
                data.administrator(), orders.registered().server().id());

        // No waiting for the change feed: the node that made the change forgot the credential before it returned.
        assertThat(credentials.isCached(clientId)).isFalse();
        assertThat(introspect(orders.basic(), "token=" + token.secret().reveal())
                        .statusCode())
                .isEqualTo(401);
        var withNewSecret = new ResourceServerTestData.Registered(renewed, orders.prefix());
        assertThat(introspect(withNewSecret.basic(), "token=" + token.secret().reveal())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_token_in_the_url_is_refused() throws Exception {
        var orders = data.aServer();
        var answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/introspect?token=tkp_x"))
                        .header("Authorization", orders.basic())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void every_answer_is_counted_as_active_or_not_for_the_operators_metrics() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        double activeBefore = answers(true);
        double inactiveBefore = answers(false);

        assertThat(active(orders, token)).isTrue();
        assertThat(active(orders, token)).isTrue();
        assertThat(json(introspect(orders.basic(), "token=tkp_nobody_has_this"))
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(introspect(
                                "Basic bm9ib2R5Om5vdGhpbmc=",
                                "token=" + token.secret().reveal())
                        .statusCode())
                .as("a caller that is not a resource server gets no answer, so none is counted")
                .isEqualTo(401);

        assertThat(answers(true) - activeBefore).isEqualTo(2.0);
        assertThat(answers(false) - inactiveBefore).isEqualTo(1.0);
    }

    private double answers(boolean active) {
        return metrics.get("tokenkeeper.introspections")
                .tag("active", Boolean.toString(active))
                .counter()
                .count();
    }

    @Test
    void a_warm_introspection_runs_no_query_on_the_request_thread() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        long cost = within1Second(
                () -> {
                    double before = requestStatements();
                    assertThat(active(orders, token)).isTrue();
                    return (long) (requestStatements() - before);
                },
                statements -> statements == 0);

        assertThat(cost).isZero();
    }

    private double requestStatements() {
        return metrics.get("tokenkeeper.db.statements")
                .tag("thread", "request")
                .counter()
                .count();
    }

    private boolean active(ResourceServerTestData.Registered server, GeneratedToken token) throws Exception {
        return json(introspect(server.basic(), "token=" + token.secret().reveal()))
                .get("active")
                .asBoolean();
    }

    private HttpResponse<String> introspect(String authorization, String form) throws Exception {
        return Introspections.introspect(port, authorization, form);
    }
}
