package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserStore;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The administrators' API: users and privileges, everyone's tokens. Administrators only, checked twice. */
@ApplicationTest
class ApiAdministrationHttpTest {

    private static final String ME = "/api/v1/me";
    private static final String USERS = "/api/v1/admin/users";
    private static final String TOKENS = "/api/v1/admin/tokens";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    UserStore users;

    private ApiClient api;
    private ApiTestData.Caller admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = testData.anAdministrator();
    }

    @Test
    void someone_without_the_administrator_privilege_gets_a_403_problem_everywhere_and_changes_nothing() {
        var user = testData.aCaller();
        var victim = testData.aCaller();
        var forbidden = List.of(
                api.get(USERS, user.bearer()),
                api.get(TOKENS, user.bearer()),
                put(user, USERS + "/" + victim.user().id().value() + "/privileges/ADMINISTRATOR"),
                delete(user, USERS + "/" + victim.user().id().value() + "/privileges/API_ACCESS"),
                patch(user, TOKENS + "/" + victim.tokenId(), "{\"enabled\":false}"),
                delete(user, TOKENS + "/" + victim.tokenId()));

        for (var response : forbidden) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(api.get(ME, victim.bearer()).statusCode()).isEqualTo(200);
        assertThat(users.findById(user.user().id()).orElseThrow().privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(api.getAnonymously(USERS).statusCode()).isEqualTo(401);
    }

    @Test
    void lists_users_with_their_privileges_and_tokens_a_page_at_a_time() {
        var alice = testData.aCaller();
        testData.aTokenFor(alice.user(), null);

        var found = json(api.get(USERS + "?q=" + alice.username(), admin.bearer()));

        assertThat(found.at("/total").asLong()).isEqualTo(1);
        var row = found.at("/users/0");
        assertThat(row.at("/user/username").asString()).isEqualTo(alice.username());
        assertThat(row.at("/user/privileges").toString()).isEqualTo("[\"API_ACCESS\"]");
        assertThat(row.at("/user/enabled").asBoolean()).isTrue();
        assertThat(row.at("/activeTokens").asInt()).isEqualTo(2);
        assertThat(row.has("passwordHash")).isFalse();

        var firstTwo = json(api.get(USERS + "?q=user&limit=2", admin.bearer()));
        var second = json(api.get(USERS + "?q=user&offset=1&limit=1", admin.bearer()));
        assertThat(firstTwo.at("/users")).hasSize(2);
        assertThat(firstTwo.at("/total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(second.at("/users/0/user/id").asLong())
                .isEqualTo(firstTwo.at("/users/1/user/id").asLong());
        assertThat(json(api.get(USERS + "?limit=100000", admin.bearer()))
                        .at("/limit")
                        .asInt())
                .isEqualTo(500);
    }

    @Test
    void removing_api_access_makes_that_user_s_token_fail_on_the_next_request_and_granting_it_back_restores_it() {
        var bob = testData.aCaller();
        assertThat(api.get(ME, bob.bearer()).statusCode()).isEqualTo(200);

        var removed = delete(admin, USERS + "/" + bob.user().id().value() + "/privileges/API_ACCESS");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json(removed).at("/privileges")).isEmpty();
        assertThat(api.get(ME, bob.bearer()).statusCode()).isEqualTo(401);

        var granted = put(admin, USERS + "/" + bob.user().id().value() + "/privileges/api-access");

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(json(granted).at("/privileges").toString()).isEqualTo("[\"API_ACCESS\"]");
        assertThat(api.get(ME, bob.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void granting_administrator_opens_the_administration_api_on_the_next_request_and_removing_it_closes_it() {
        var carol = testData.aCaller();
        assertThat(api.get(USERS, carol.bearer()).statusCode()).isEqualTo(403);

        assertThat(put(admin, USERS + "/" + carol.user().id().value() + "/privileges/ADMINISTRATOR")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(USERS, carol.bearer()).statusCode()).isEqualTo(200);

        assertThat(delete(admin, USERS + "/" + carol.user().id().value() + "/privileges/ADMINISTRATOR")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(USERS, carol.bearer()).statusCode()).isEqualTo(403);
        assertThat(api.get(ME, carol.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_administrator_cannot_remove_their_own_administrator_privilege() {
        var response = delete(admin, USERS + "/" + admin.user().id().value() + "/privileges/ADMINISTRATOR");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).at("/detail").asString()).contains("your own Administrator privilege");
        assertThat(api.get(USERS, admin.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_users_privileges_and_paging_are_clear_problems() {
        assertThat(put(admin, USERS + "/999999999/privileges/API_ACCESS").statusCode())
                .isEqualTo(404);
        assertThat(put(admin, USERS + "/0/privileges/API_ACCESS").statusCode()).isEqualTo(404);
        var unknownPrivilege = put(admin, USERS + "/" + admin.user().id().value() + "/privileges/ROOT");
        assertThat(unknownPrivilege.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknownPrivilege).at("/field").asString()).isEqualTo("privilege");
        assertThat(api.get(USERS + "?offset=-1", admin.bearer()).statusCode()).isEqualTo(400);
        assertThat(api.get(TOKENS + "?limit=0", admin.bearer()).statusCode()).isEqualTo(400);
        assertThat(api.get(TOKENS + "?sort=colour", admin.bearer()).statusCode())
                .isEqualTo(400);
        assertThat(api.get(TOKENS + "?direction=up", admin.bearer()).statusCode())
                .isEqualTo(400);
        assertThat(api.get(TOKENS + "?createdFrom=yesterday", admin.bearer()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void lists_and_searches_everyone_s_tokens_a_page_at_a_time_never_with_a_value() {
        var dave = testData.aCaller();
        var values = new ArrayList<>(List.of(dave.value()));
        values.add(testData.aTokenFor(dave.user(), null).secret().reveal());
        values.add(testData.aTokenFor(dave.user(), null).secret().reveal());

        var all = api.get(TOKENS + "?q=" + dave.username() + "&sort=name&direction=asc", admin.bearer());
        var firstPage = json(api.get(TOKENS + "?q=" + dave.username() + "&sort=name&limit=2", admin.bearer()));
        var lastPage = json(api.get(TOKENS + "?q=" + dave.username() + "&sort=name&offset=2&limit=2", admin.bearer()));

        assertThat(all.statusCode()).isEqualTo(200);
        var listed = json(all);
        assertThat(listed.at("/total").asLong()).isEqualTo(3);
        assertThat(listed.at("/totalCapped").asBoolean()).isFalse();
        assertThat(listed.at("/tokens")).hasSize(3);
        for (var token : listed.at("/tokens")) {
            assertThat(token.at("/owner").asString()).isEqualTo(dave.username());
            assertThat(token.at("/ownerId").asLong()).isEqualTo(dave.user().id().value());
            assertThat(token.at("/hint").asString()).startsWith("tkp_");
            assertThat(token.at("/status").asString()).isEqualTo("ENABLED");
        }
        for (var value : values) {
            assertThat(all.body()).doesNotContain(value);
        }
        assertThat(firstPage.at("/tokens")).hasSize(2);
        assertThat(lastPage.at("/tokens")).hasSize(1);
        assertThat(lastPage.at("/tokens/0/id").asLong())
                .isEqualTo(listed.at("/tokens/0/id").asLong());

        var hint = listed.at("/tokens/1/hint").asString();
        var byFirstCharacters = json(api.get(
                TOKENS + "?q=" + URLEncoder.encode(hint.substring(0, 8), StandardCharsets.UTF_8), admin.bearer()));
        assertThat(byFirstCharacters.at("/tokens").valueStream().map(token -> token.at("/hint")
                        .asString()))
                .contains(hint);
    }

    @Test
    void pages_link_to_their_neighbours_with_the_caller_s_search_filter_and_sort_kept() {
        var frank = testData.aCaller();
        testData.aTokenFor(frank.user(), null);
        testData.aTokenFor(frank.user(), null);
        var query = "?q=" + frank.username() + "&createdFrom=2020-01-01T00:00:00Z&sort=name&direction=asc";

        var middle = api.get(TOKENS + query + "&offset=1&limit=1", admin.bearer());
        var last = api.get(TOKENS + query + "&offset=2&limit=1", admin.bearer());
        var single = api.get(TOKENS + query, admin.bearer());

        var kept = TOKENS + "?q=" + frank.username() + "&createdFrom=2020-01-01T00%3A00%3A00Z&sort=name&direction=asc";
        assertThat(links(middle))
                .containsExactly(
                        "<" + kept + "&offset=0&limit=1>; rel=\"first\"",
                        "<" + kept + "&offset=0&limit=1>; rel=\"prev\"",
                        "<" + kept + "&offset=2&limit=1>; rel=\"next\"");
        assertThat(links(last))
                .containsExactly(
                        "<" + kept + "&offset=0&limit=1>; rel=\"first\"",
                        "<" + kept + "&offset=1&limit=1>; rel=\"prev\"");
        assertThat(single.headers().firstValue("Link")).isEmpty();
        var next = json(api.get(target(links(middle).getLast()), admin.bearer()));
        assertThat(next.at("/tokens/0/id").asLong())
                .isEqualTo(json(last).at("/tokens/0/id").asLong());
    }

    @Test
    void the_user_list_links_to_its_neighbours_and_encodes_the_search_text_again() {
        testData.aCaller();
        testData.aCaller();
        testData.aCaller();

        var firstPage = api.get(USERS + "?limit=1&q=user", admin.bearer());
        var middle = api.get(USERS + "?q=user&offset=1&limit=1", admin.bearer());
        var oddSearch = api.get(USERS + "?q=user%20%26%20co%2B&offset=1&limit=1", admin.bearer());

        assertThat(links(firstPage)).containsExactly("<" + USERS + "?q=user&offset=1&limit=1>; rel=\"next\"");
        assertThat(links(middle))
                .containsExactly(
                        "<" + USERS + "?q=user&offset=0&limit=1>; rel=\"first\"",
                        "<" + USERS + "?q=user&offset=0&limit=1>; rel=\"prev\"",
                        "<" + USERS + "?q=user&offset=2&limit=1>; rel=\"next\"");
        assertThat(links(oddSearch))
                .containsExactly(
                        "<" + USERS + "?q=user%20%26%20co%2B&offset=0&limit=1>; rel=\"first\"",
                        "<" + USERS + "?q=user%20%26%20co%2B&offset=0&limit=1>; rel=\"prev\"");
    }

    @Test
    void a_whole_token_value_as_search_text_is_refused_because_it_would_sit_in_a_url() {
        var erin = testData.aCaller();

        var response = api.get(TOKENS + "?q=" + erin.value(), admin.bearer());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(erin.value());
    }

    @Test
    void an_administrator_disables_enables_and_revokes_anyone_s_token_and_it_takes_effect_on_the_next_request() {
        var frank = testData.aCaller();
        assertThat(api.get(ME, frank.bearer()).statusCode()).isEqualTo(200);

        var disabled = patch(admin, TOKENS + "/" + frank.tokenId(), "{\"enabled\":false}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).at("/status").asString()).isEqualTo("DISABLED");
        assertThat(json(disabled).at("/owner").asString()).isEqualTo(frank.username());
        assertThat(api.get(ME, frank.bearer()).statusCode()).isEqualTo(401);

        var enabled = patch(admin, TOKENS + "/" + frank.tokenId(), "{\"enabled\":true}");
        assertThat(json(enabled).at("/status").asString()).isEqualTo("ENABLED");
        assertThat(api.get(ME, frank.bearer()).statusCode()).isEqualTo(200);

        assertThat(delete(admin, TOKENS + "/" + frank.tokenId()).statusCode()).isEqualTo(204);
        assertThat(api.get(ME, frank.bearer()).statusCode()).isEqualTo(401);
        assertThat(json(api.get(TOKENS + "?q=" + frank.username(), admin.bearer()))
                        .at("/total")
                        .asLong())
                .isZero();
        assertThat(delete(admin, TOKENS + "/" + frank.tokenId()).statusCode()).isEqualTo(404);
        assertThat(patch(admin, TOKENS + "/" + frank.tokenId(), "{\"enabled\":true}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(patch(admin, TOKENS + "/" + frank.tokenId(), "{}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void an_administrator_without_api_access_cannot_use_the_api_at_all() {
        var grace = testData.aCallerWith(Set.of(Privilege.API_ACCESS, Privilege.ADMINISTRATOR));
        assertThat(api.get(USERS, grace.bearer()).statusCode()).isEqualTo(200);

        delete(admin, USERS + "/" + grace.user().id().value() + "/privileges/API_ACCESS");

        assertThat(api.get(USERS, grace.bearer()).statusCode()).isEqualTo(401);
    }

    @Test
    void the_openapi_document_describes_the_administration_endpoints() {
        var document = json(api.openApiDocument());

        assertThat(document.at("/paths").propertyNames())
                .contains(USERS, USERS + "/{id}/privileges/{privilege}", TOKENS, TOKENS + "/{id}");
        assertThat(document.at("/paths/~1api~1v1~1admin~1tokens/get/tags/0").asString())
                .isEqualTo("Administration");
        for (var list : List.of("~1api~1v1~1admin~1tokens", "~1api~1v1~1admin~1users")) {
            assertThat(document.at("/paths/" + list + "/get/responses/200/headers/Link/description")
                            .asString())
                    .contains("rel=\"next\"");
        }
    }

    /** The links of a {@code Link} header, each {@code <uri>; rel="..."}. */
    private static List<String> links(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return List.of(response.headers().firstValue("Link").orElse("").split(", "));
    }

    private static String target(String link) {
        return link.substring(1, link.indexOf('>'));
    }

    private HttpResponse<String> put(ApiTestData.Caller caller, String path) {
        return api.send(
                api.request(path).header("Authorization", caller.bearer()).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> delete(ApiTestData.Caller caller, String path) {
        return api.send(
                api.request(path).header("Authorization", caller.bearer()).DELETE());
    }

    private HttpResponse<String> patch(ApiTestData.Caller caller, String path, String json) {
        return api.send(api.request(path)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return ApiClient.json(response);
    }
}
