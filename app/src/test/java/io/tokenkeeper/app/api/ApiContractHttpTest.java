package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a generated client relies on beyond the happy path: the right status for a wrong method, body or Accept,
 * strict JSON, bad input as 400 (never 503), and problem JSON for every odd path — never a redirect or HTML.
 */
@ApplicationTest
class ApiContractHttpTest {

    private static final String TOKENS = "/api/v1/tokens";
    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    DSLContext dsl;

    private ApiClient api;
    private ApiTestData.Caller caller;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        caller = testData.aCaller();
    }

    @Test
    void a_wrong_method_is_405_with_allow() {
        var response = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET").contains("POST"));
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        var response = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));

        assertProblem(response, 415);
    }

    @Test
    void an_accept_the_api_cannot_answer_is_406() {
        var response = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .header("Accept", "text/html")
                .GET());

        assertThat(response.statusCode()).isEqualTo(406);
    }

    @Test
    void trace_is_405_and_never_a_redirect() {
        var response = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        assertProblem(api.get("/api/v1/nothing-here", caller.bearer()), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":0}", "{\"name\":true}", "{\"name\":[\"x\"]}", "{\"name\":{}}"})
    void a_name_that_is_not_a_string_is_400_and_nothing_is_created(String body) {
        int before = tokenCount();

        var response = post(TOKENS, body);

        assertProblem(response, 400);
        assertThat(response.body()).contains("name");
        assertThat(tokenCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"enabled\":\"false\"}", "{\"enabled\":0}", "{\"enabled\":null,\"name\":7}"})
    void an_enabled_that_is_not_a_boolean_is_400_and_the_token_stays_enabled(String body) {
        var response = api.send(api.request(TOKENS + "/" + caller.tokenId())
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));

        assertProblem(response, 400);
        assertThat(api.get("/api/v1/me", caller.bearer()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"x\",\"owner\":\"bob\"}", "{\"name\":\"x\"} trailing", "{\"name\":\"x\"}{}"})
    void unknown_fields_and_trailing_garbage_are_400(String body) {
        int before = tokenCount();

        assertProblem(post(TOKENS, body), 400);
        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void a_nul_byte_in_a_search_is_400_not_503() {
        var admin = testData.anAdministrator();

        var users = api.get("/api/v1/admin/users?q=a%00b", admin.bearer());
        var tokens = api.get("/api/v1/admin/tokens?q=a%00b", admin.bearer());

        assertProblem(users, 400);
        assertThat(users.headers().firstValue("Retry-After")).isEmpty();
        assertProblem(tokens, 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/tokens%25",
                "/api/v1/tokens;x=1",
                "/api/v1/%2e%2e/v1/tokens",
                "/api/v1/tokens%2F1",
                "/api/v1/tokens%5C1",
                "/api/v1/tokens/%zz",
                "/api/v1/tokens?q=%zz"
            })
    void an_odd_path_is_a_400_problem_never_a_redirect_or_html(String path) {
        var response = api.raw(path, "Authorization: " + caller.bearer());

        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.text()).as(path).containsIgnoringCase("Content-Type: " + PROBLEM);
        assertThat(response.body()).as(path).doesNotContainIgnoringCase("<html");
    }

    @Test
    void a_token_in_a_path_segment_is_a_400_problem_that_says_to_revoke_it() {
        var response = api.get("/api/v1/tokens/" + caller.value(), caller.bearer());

        assertProblem(response, 400);
        assertThat(response.body()).contains("revoke").doesNotContain(caller.value());
    }

    private HttpResponse<String> post(String path, String body) {
        return api.send(api.request(path)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private int tokenCount() {
        return dsl.fetchCount(dsl.selectFrom("api_token"));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
        assertThat(response.body()).doesNotContain("Exception").doesNotContainIgnoringCase("select ");
    }
}
