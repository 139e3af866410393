package io.tokenkeeper.app.resourceserver;

import static io.tokenkeeper.app.resourceserver.Introspections.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.resourceserver.ResourceIdentifier;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.user.Privilege;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Which resource server a token was last used at (introspection, forward-auth, Tokenkeeper's own API) and which tokens
 * hold a resource server's scopes, through the admin API over real HTTP.
 */
@ApplicationTest
class LastUsedResourceServerHttpTest {

    private static final String TOKENKEEPER = ResourceIdentifier.TOKENKEEPER.value();

    @LocalServerPort
    int port;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    @Autowired
    ResourceServerAdministration servers;

    @Autowired
    DSLContext dsl;

    private final HttpClient http = HttpClient.newHttpClient();
    private GeneratedToken admin;

    @BeforeEach
    void anAdministrator() {
        admin = data.aToken(
                users.aUser(EnumSet.of(Privilege.API_ACCESS, Privilege.ADMINISTRATOR)),
                List.of("tokenkeeper:read"),
                List.of());
    }

    @Test
    void a_token_introspected_by_a_resource_server_was_last_used_there_and_then_at_tokenkeeper() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read(), "tokenkeeper:read"), List.of());

        assertThat(json(Introspections.introspect(
                                port, orders.basic(), "token=" + token.secret().reveal()))
                        .get("active")
                        .asBoolean())
                .isTrue();
        assertThat(eventually(() -> lastUsedAt(token), identifier(orders))).isEqualTo(identifier(orders));

        var me = send("GET", "/api/v1/me", bearer(token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(eventually(() -> lastUsedAt(token), TOKENKEEPER)).isEqualTo(TOKENKEEPER);
        var own = json(send("GET", "/api/v1/tokens", bearer(token))).get("tokens");
        assertThat(own.get(0).get("lastUsedResourceServer").asString()).isEqualTo(TOKENKEEPER);
    }

    @Test
    void a_token_accepted_by_forward_auth_was_last_used_at_the_proxys_resource_server() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        assertThat(lastUsedAt(token)).isNull();

        var answer = http.send(
                HttpRequest.newBuilder(URI.create(url("/auth/forward?scope=" + orders.read())))
                        .header("X-Tokenkeeper-Client", orders.basic())
                        .header("Authorization", bearer(token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(eventually(() -> lastUsedAt(token), identifier(orders))).isEqualTo(identifier(orders));
    }

    @Test
    void the_audit_event_of_a_new_address_names_the_resource_server_of_each_use() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read(), "tokenkeeper:read"), List.of());
        send("GET", "/api/v1/me", bearer(token));
        eventually(() -> lastUsedAt(token), TOKENKEEPER);

        Introspections.introspect(
                port, orders.basic(), "token=" + token.secret().reveal() + "&client_ip=203.0.113.7");

        var details = eventuallyMatching(
                () -> dsl.fetchOptional(
                                "select details from audit_event where action = 'TOKEN_USED_FROM_NEW_ADDRESS'"
                                        + " and target_id = ?",
                                Long.toString(token.token().id().value()))
                        .map(row -> row.get(0, String.class))
                        .orElse(null),
                Objects::nonNull);
        assertThat(details)
                .isEqualTo("Used from 203.0.113.7 at "
                        + orders.registered().server().name()
                        + "; its last recorded use was from 127.0.0.1 at Tokenkeeper.");
    }

    @Test
    void the_token_list_filters_by_resource_server() throws Exception {
        var orders = data.aServer();
        var owner = users.aUserWithApiAccess();
        var both = data.aToken(owner, List.of(orders.write(), "tokenkeeper:read"), List.of());
        var ordersOnly = data.aToken(owner, List.of(orders.read()), List.of());
        var tokenkeeperOnly = data.aToken(owner, List.of("tokenkeeper:read"), List.of());
        var username = owner.username().value();

        assertThat(listedIds("q=" + username + "&resourceServer=" + encoded(identifier(orders))))
                .containsExactlyInAnyOrder(id(both), id(ordersOnly));
        assertThat(listedIds("q=" + username + "&resourceServer=" + encoded(TOKENKEEPER)))
                .containsExactlyInAnyOrder(id(both), id(tokenkeeperOnly));
        assertThat(listedIds("q=" + username + "&resourceServer=" + encoded("https://nobody.example.com")))
                .isEmpty();
        assertThat(listedIds("q=" + username + "&resourceServer=")).hasSize(3);
        assertThat(send("GET", "/api/v1/admin/tokens?resourceServer=" + "x".repeat(201), bearer(admin))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void deleting_the_resource_server_leaves_the_tokens_last_use_without_one() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read(), "tokenkeeper:read"), List.of());
        Introspections.introspect(
                port, orders.basic(), "token=" + token.secret().reveal());
        assertThat(eventually(() -> lastUsedAt(token), identifier(orders))).isEqualTo(identifier(orders));

        servers.delete(data.administrator(), orders.registered().server().id(), true);

        var listed = listed(token);
        assertThat(listed.get("lastUsedResourceServer").isNull()).isTrue();
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
        assertThat(send("GET", "/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);
    }

    private @Nullable String lastUsedAt(GeneratedToken token) throws Exception {
        var server = listed(token).get("lastUsedResourceServer");
        return server.isNull() ? null : server.asString();
    }

    /** The token as {@code GET /api/v1/admin/tokens} lists it, found by its owner. */
    private JsonNode listed(GeneratedToken token) throws Exception {
        var username = ownerName(token);
        for (var row : page("q=" + username)) {
            if (row.get("id").asLong() == id(token)) {
                return row;
            }
        }
        throw new AssertionError("Token " + id(token) + " of owner " + username + " is not listed");
    }

    private List<Long> listedIds(String query) throws Exception {
        var ids = new ArrayList<Long>();
        page(query).forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private JsonNode page(String query) throws Exception {
        var answer = send("GET", "/api/v1/admin/tokens?limit=500&" + query, bearer(admin));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get("tokens");
    }

    private String ownerName(GeneratedToken token) {
        return dsl.fetchValue(
                        "select username from app_user where id = ?",
                        token.token().ownerId().value())
                .toString();
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String identifier(ResourceServerTestData.Registered server) {
        return server.registered().server().identifier().value();
    }

    private static long id(GeneratedToken token) {
        return token.token().id().value();
    }

    private static String bearer(GeneratedToken token) {
        return "Bearer " + token.secret().reveal();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The use is written off the request thread: asks again until the answer is the expected one, for 10 s. */
    private static <T> @Nullable T eventually(Introspections.Call<@Nullable T> call, @Nullable T expected)
            throws Exception {
        return eventuallyMatching(call, answer -> Objects.equals(answer, expected));
    }

    private static <T> @Nullable T eventuallyMatching(
            Introspections.Call<@Nullable T> call, Predicate<@Nullable T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var result = call.get();
        while (!done.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            result = call.get();
        }
        return result;
    }
}
