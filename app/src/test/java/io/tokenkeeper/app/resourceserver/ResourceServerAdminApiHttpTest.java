package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditService;
import io.tokenkeeper.domain.resourceserver.ClientSecret;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/admin/resource-servers} over real HTTP: what an administrator registers, changes and deletes is what
 * {@code /oauth2/introspect} then accepts or refuses.
 */
@ApplicationTest
class ResourceServerAdminApiHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PATH = "/api/v1/admin/resource-servers";
    private static final String ADDRESS = "127.0.250.7";

    @LocalServerPort
    int port;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    @Autowired
    AuditService audit;

    /** From an address of its own, so that the 401s provoked here never throttle another test's calls. */
    private HttpClient http;

    private User administrator;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        http = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(ADDRESS))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        administrator = users.aUser(EnumSet.of(Privilege.API_ACCESS, Privilege.ADMINISTRATOR));
        admin = bearerOf(administrator, "tokenkeeper:read", "tokenkeeper:write");
    }

    @Test
    void registering_answers_the_secret_once_and_reading_never_shows_it() throws Exception {
        var prefix = prefix();

        var created = send(admin, "POST", PATH, registration(prefix));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        var body = json(created);
        long id = body.get("id").asLong();
        var secret = body.get("clientSecret").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);
        assertThat(secret).startsWith("tkc_");
        assertThat(body.get("clientId").asString()).startsWith("rs_");
        assertThat(body.get("name").asString()).isEqualTo("Server " + prefix);
        assertThat(body.get("identifier").asString()).isEqualTo("https://" + prefix + ".example.com");
        assertThat(body.get("description").asString()).isEqualTo("Orders of " + prefix);
        assertThat(body.get("scopes").get(0).get("name").asString()).isEqualTo(prefix + ":read");
        assertThat(body.get("scopes").get(0).get("description").asString()).isEqualTo("Read orders");
        assertThat(body.get("scopes").get(1).get("name").asString()).isEqualTo(prefix + ":write");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("builtIn").asBoolean()).isFalse();

        var one = send(admin, "GET", PATH + "/" + id, null);
        var all = send(admin, "GET", PATH, null);

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).has("clientSecret")).isFalse();
        assertThat(json(one).get("clientId").asString())
                .isEqualTo(body.get("clientId").asString());
        assertThat(one.body()).doesNotContain(secret);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains(body.get("clientId").asString()).doesNotContain(secret);
        assertThat(json(all).get("resourceServers").get(0).get("builtIn").asBoolean())
                .isTrue();
    }

    @Test
    void the_secret_works_at_introspection_and_a_regenerated_one_replaces_it() throws Exception {
        var prefix = prefix();
        var created = json(send(admin, "POST", PATH, registration(prefix)));
        long id = created.get("id").asLong();
        var clientId = created.get("clientId").asString();
        var oldSecret = created.get("clientSecret").asString();
        var token = tokenHolding(prefix + ":read");

        var introspected = introspect(basic(clientId, oldSecret), token);
        assertThat(introspected.statusCode()).isEqualTo(200);
        assertThat(json(introspected).get("active").asBoolean()).isTrue();
        assertThat(json(introspected).get("scope").asString()).isEqualTo(prefix + ":read");

        var regenerated = send(admin, "POST", PATH + "/" + id + "/secret", null);

        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        assertThat(regenerated.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        var newSecret = json(regenerated).get("clientSecret").asString();
        assertThat(newSecret).startsWith("tkc_").isNotEqualTo(oldSecret);
        assertThat(json(regenerated).get("clientId").asString()).isEqualTo(clientId);
        assertThat(within1Second(
                        () -> introspect(basic(clientId, oldSecret), token).statusCode(), status -> status == 401))
                .isEqualTo(401);
        var withNew = introspect(basic(clientId, newSecret), token);
        assertThat(withNew.statusCode()).isEqualTo(200);
        assertThat(json(withNew).get("active").asBoolean()).isTrue();
        assertThat(send(admin, "GET", PATH + "/" + id, null).body()).doesNotContain(newSecret);
    }

    @Test
    void a_disabled_servers_credential_is_refused_until_it_is_enabled_again() throws Exception {
        var prefix = prefix();
        var created = json(send(admin, "POST", PATH, registration(prefix)));
        long id = created.get("id").asLong();
        var credential = basic(
                created.get("clientId").asString(), created.get("clientSecret").asString());
        var token = tokenHolding(prefix + ":read");
        assertThat(introspect(credential, token).statusCode()).isEqualTo(200);

        var disabled = send(admin, "PATCH", PATH + "/" + id, "{\"enabled\":false}");

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(within1Second(() -> introspect(credential, token).statusCode(), status -> status == 401))
                .isEqualTo(401);

        var enabled = send(admin, "PATCH", PATH + "/" + id, "{\"enabled\":true}");

        assertThat(json(enabled).get("enabled").asBoolean()).isTrue();
        assertThat(within1Second(() -> introspect(credential, token).statusCode(), status -> status == 200))
                .isEqualTo(200);
    }

    @Test
    void a_change_renames_redescribes_and_replaces_the_scopes_and_keeps_what_was_not_sent() throws Exception {
        var prefix = prefix();
        var created = json(send(admin, "POST", PATH, registration(prefix)));
        long id = created.get("id").asLong();

        var changed = send(
                admin,
                "PATCH",
                PATH + "/" + id,
                "{\"name\":\"Renamed " + prefix + "\",\"description\":\"Changed\",\"scopes\":[{\"name\":\"" + prefix
                        + ":read\",\"description\":\"Read all orders\"},{\"name\":\"" + prefix
                        + ":admin\",\"description\":\"Manage orders\"}]}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var body = json(send(admin, "GET", PATH + "/" + id, null));
        assertThat(body.get("name").asString()).isEqualTo("Renamed " + prefix);
        assertThat(body.get("description").asString()).isEqualTo("Changed");
        assertThat(body.get("identifier").asString()).isEqualTo("https://" + prefix + ".example.com");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(names(body.get("scopes"))).containsExactly(prefix + ":read", prefix + ":admin");
        assertThat(body.get("scopes").get(0).get("description").asString()).isEqualTo("Read all orders");
    }

    @Test
    void removing_a_scope_that_tokens_hold_needs_remove_scopes() throws Exception {
        var prefix = prefix();
        long id =
                json(send(admin, "POST", PATH, registration(prefix))).get("id").asLong();
        tokenHolding(prefix + ":write");
        var readOnly = "{\"scopes\":[{\"name\":\"" + prefix + ":read\",\"description\":\"Read orders\"}]}";

        var refused = send(admin, "PATCH", PATH + "/" + id, readOnly);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("tokens").asInt()).isEqualTo(1);
        assertThat(json(refused).get("detail").asString())
                .contains("1 token holds", prefix + ":write", "removeScopes=true");
        assertThat(names(json(send(admin, "GET", PATH + "/" + id, null)).get("scopes")))
                .containsExactly(prefix + ":read", prefix + ":write");

        var confirmed = send(admin, "PATCH", PATH + "/" + id + "?removeScopes=true", readOnly);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(names(json(confirmed).get("scopes"))).containsExactly(prefix + ":read");
    }

    @Test
    void deleting_a_server_whose_scopes_tokens_hold_is_a_409_until_remove_scopes_confirms_it() throws Exception {
        var prefix = prefix();
        long id =
                json(send(admin, "POST", PATH, registration(prefix))).get("id").asLong();
        tokenHolding(prefix + ":read");
        tokenHolding(prefix + ":read", prefix + ":write");

        var refused = send(admin, "DELETE", PATH + "/" + id, null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("tokens").asInt()).isEqualTo(2);
        assertThat(json(refused).get("detail").asString()).contains("2 tokens hold", "?removeScopes=true");
        assertThat(send(admin, "GET", PATH + "/" + id, null).statusCode()).isEqualTo(200);

        var deleted = send(admin, "DELETE", PATH + "/" + id + "?removeScopes=true", null);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(send(admin, "GET", PATH + "/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_server_whose_scopes_nobody_holds_is_deleted_at_once() throws Exception {
        long id = json(send(admin, "POST", PATH, registration(prefix())))
                .get("id")
                .asLong();

        assertThat(send(admin, "DELETE", PATH + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send(admin, "GET", PATH + "/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void tokenkeepers_own_server_cannot_be_changed_or_deleted() throws Exception {
        var builtIn =
                json(send(admin, "GET", PATH, null)).get("resourceServers").get(0);
        assertThat(builtIn.get("builtIn").asBoolean()).isTrue();
        assertThat(builtIn.get("clientId").isNull()).isTrue();
        var path = PATH + "/" + builtIn.get("id").asLong();

        for (var refused : List.of(
                send(admin, "DELETE", path, null),
                send(admin, "DELETE", path + "?removeScopes=true", null),
                send(admin, "PATCH", path, "{\"name\":\"Mine now\"}"),
                send(admin, "PATCH", path, "{\"enabled\":false}"),
                send(admin, "POST", path + "/secret", null))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(json(refused).get("detail").asString()).contains("built in");
        }
        assertThat(send(admin, "GET", path, null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_of_someone_who_is_not_an_administrator_gets_403_everywhere_and_changes_nothing() throws Exception {
        var user = bearerOf(users.aUserWithApiAccess(), "tokenkeeper:read", "tokenkeeper:write");
        long id = json(send(admin, "POST", PATH, registration(prefix())))
                .get("id")
                .asLong();
        var path = PATH + "/" + id;
        var before = json(send(admin, "GET", path, null));

        for (var refused : List.of(
                send(user, "GET", PATH, null),
                send(user, "GET", path, null),
                send(user, "POST", PATH, registration(prefix())),
                send(user, "PATCH", path, "{\"enabled\":false}"),
                send(user, "POST", path + "/secret", null),
                send(user, "DELETE", path + "?removeScopes=true", null))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(json(send(admin, "GET", path, null))).isEqualTo(before);
    }

    @Test
    void reading_takes_tokenkeeper_read_and_every_change_tokenkeeper_write() throws Exception {
        long id = json(send(admin, "POST", PATH, registration(prefix())))
                .get("id")
                .asLong();
        var path = PATH + "/" + id;
        var readOnly = bearerOf(administrator, "tokenkeeper:read");
        var writeOnly = bearerOf(administrator, "tokenkeeper:write");

        assertThat(send(readOnly, "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(send(writeOnly, "GET", PATH, null).statusCode()).isEqualTo(403);
        for (var refused : List.of(
                send(readOnly, "POST", PATH, registration(prefix())),
                send(readOnly, "PATCH", path, "{\"enabled\":false}"),
                send(readOnly, "POST", path + "/secret", null),
                send(readOnly, "DELETE", path, null))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(json(refused).get("detail").asString()).isEqualTo("This token may only read.");
        }
        assertThat(json(send(admin, "GET", path, null)).get("enabled").asBoolean())
                .isTrue();
        assertThat(send(writeOnly, "PATCH", path, "{\"enabled\":false}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void every_change_is_audited_with_the_administrator_and_address_and_never_a_secret() throws Exception {
        var created = json(send(admin, "POST", PATH, registration(prefix())));
        long id = created.get("id").asLong();
        var path = PATH + "/" + id;
        assertThat(send(admin, "PATCH", path, "{\"description\":\"Counted nightly\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(admin, "PATCH", path, "{\"enabled\":false}").statusCode())
                .isEqualTo(200);
        var regenerated = send(admin, "POST", path + "/secret", null);
        assertThat(regenerated.statusCode()).isEqualTo(200);
        assertThat(send(admin, "DELETE", path, null).statusCode()).isEqualTo(204);

        var events = audit.search(
                new Actor(administrator, null),
                new AuditFilter(administrator.username().value(), null, Long.toString(id), null, null),
                0,
                10);

        assertThat(events)
                .extracting(AuditEvent::action)
                .containsExactly(
                        AuditAction.RESOURCE_SERVER_DELETED,
                        AuditAction.RESOURCE_SERVER_SECRET_REGENERATED,
                        AuditAction.RESOURCE_SERVER_DISABLED,
                        AuditAction.RESOURCE_SERVER_CHANGED,
                        AuditAction.RESOURCE_SERVER_REGISTERED);
        for (var event : events) {
            assertThat(event.actorId()).isEqualTo(administrator.id());
            assertThat(event.clientAddress()).isEqualTo(ADDRESS);
            assertThat(event.targetType()).isEqualTo("resource-server");
            assertThat(event.details())
                    .doesNotContain(created.get("clientSecret").asString())
                    .doesNotContain(json(regenerated).get("clientSecret").asString());
        }
        assertThat(events.get(3).details()).isEqualTo("Changed description");
    }

    @Test
    void bad_input_is_a_400_problem_naming_the_field() throws Exception {
        var prefix = prefix();
        var identifier = "\"identifier\":\"https://" + prefix + ".example.com\"";
        var scopes = "\"scopes\":[{\"name\":\"" + prefix + ":read\",\"description\":\"Read\"}]";

        assertField(
                send(
                        admin,
                        "POST",
                        PATH,
                        "{\"name\":\"A\"," + identifier
                                + ",\"scopes\":[{\"name\":\"Orders.Read\",\"description\":\"Read\"}]}"),
                "scopes");
        assertField(
                send(admin, "POST", PATH, "{\"name\":\"A\"," + identifier + "," + scopes + ",\"colour\":1}"), "colour");
        assertField(
                send(admin, "POST", PATH, "{\"name\":\"" + "n".repeat(101) + "\"," + identifier + "," + scopes + "}"),
                "name");
        assertField(
                send(
                        admin,
                        "POST",
                        PATH,
                        "{\"name\":\"A\"," + identifier + ",\"scopes\":[{\"name\":\"" + prefix
                                + ":read\",\"extra\":true}]}"),
                "scopes");
        assertField(send(admin, "POST", PATH, "{\"name\":0," + identifier + "," + scopes + "}"), "name");
        assertField(
                send(admin, "POST", PATH, "{\"name\":\"A\",\"identifier\":\"orders\"," + scopes + "}"), "identifier");
        long id =
                json(send(admin, "POST", PATH, registration(prefix))).get("id").asLong();
        var other = prefix();
        assertField(
                send(admin, "POST", PATH, registration(other).replace(other + ".example.com", prefix + ".example.com")),
                "identifier");
        assertField(
                send(admin, "POST", PATH, registration(other).replace(other + ":read", prefix + ":read")), "scopes");
        var pasted = ClientSecret.generate(new SecureRandom()).reveal();
        var withSecret = send(admin, "POST", PATH, registration(other).replace("Orders of " + other, pasted));
        assertField(withSecret, "description");
        assertThat(withSecret.body()).doesNotContain(pasted);
        assertThat(json(send(admin, "GET", PATH, null))
                        .get("resourceServers")
                        .valueStream()
                        .map(server -> server.get("name").asString()))
                .doesNotContain("Server " + other);
        assertField(send(admin, "PATCH", PATH + "/" + id, "{\"enabled\":\"false\"}"), "enabled");
        assertField(send(admin, "PATCH", PATH + "/" + id, "{}"), "body");
    }

    @Test
    void an_unknown_id_is_a_404_problem() throws Exception {
        var path = PATH + "/987654321";

        for (var answer : List.of(
                send(admin, "GET", path, null),
                send(admin, "PATCH", path, "{\"enabled\":false}"),
                send(admin, "POST", path + "/secret", null),
                send(admin, "DELETE", path, null),
                send(admin, "GET", PATH + "/0", null))) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            assertThat(json(answer).get("detail").asString()).isEqualTo("This resource server does not exist.");
        }
    }

    private static void assertField(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(answer).get("field").asString()).as(answer.body()).isEqualTo(field);
    }

    private static String prefix() {
        return "rsapi" + SEQUENCE.incrementAndGet();
    }

    private static String registration(String prefix) {
        return "{\"name\":\"Server " + prefix + "\",\"identifier\":\"https://" + prefix + ".example.com\","
                + "\"description\":\"Orders of " + prefix + "\",\"scopes\":["
                + "{\"name\":\"" + prefix + ":read\",\"description\":\"Read orders\"},"
                + "{\"name\":\"" + prefix + ":write\",\"description\":\"Place orders\"}]}";
    }

    private String bearerOf(User user, String... scopes) {
        return "Bearer "
                + data.aToken(user, List.of(scopes), List.of()).secret().reveal();
    }

    /** The value of a new token of a new user with API Access, holding {@code scopes}. */
    private String tokenHolding(String... scopes) {
        return data.aToken(users.aUserWithApiAccess(), List.of(scopes), List.of())
                .secret()
                .reveal();
    }

    private static List<String> names(JsonNode scopes) {
        var names = new ArrayList<String>();
        scopes.forEach(scope -> names.add(scope.get("name").asString()));
        return names;
    }

    private static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String authorization, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> introspect(String authorization, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/introspect"))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T within1Second(Call<T> call, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        var result = call.get();
        while (!done.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            result = call.get();
        }
        return result;
    }
}
