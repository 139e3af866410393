package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a generated client relies on beyond the happy path: odd input is a 400 problem (never a 503 that invites
 * retries), odd paths are never redirected to the sign-in page or answered in HTML, wrong methods or media types are
 * 405, 415 and 406 problems, JSON bodies are strict, and no problem ever repeats a token value the client sent.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiContractHttpTest {

    private static final String TOKENS = "/api/v1/tokens";

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
    void a_nul_byte_in_a_query_parameter_is_a_400_problem_and_never_a_503() {
        var admin = testData.anAdministrator();

        var users = api.get("/api/v1/admin/users?q=a%00b", admin.bearer());
        var tokens = api.get("/api/v1/admin/tokens?q=a%00b", admin.bearer());
        var sort = api.get("/api/v1/admin/tokens?sort=%00", admin.bearer());

        for (var response : List.of(users, tokens, sort)) {
            assertProblem(response, 400);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
        assertThat(api.get("/api/v1/admin/users?q=b", admin.bearer()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void odd_paths_under_the_api_are_400_or_404_problems_never_a_redirect_or_html() {
        var paths = List.of(
                TOKENS + "/%25",
                TOKENS + "/1;jsessionid=x",
                TOKENS + ";x=1",
                TOKENS + "/%2e%2e/tokens",
                TOKENS + "/%2E%2E",
                TOKENS + "/../tokens",
                TOKENS + "%2F1",
                TOKENS + "/1%2F",
                TOKENS + "%5C1",
                TOKENS + "/%zz",
                TOKENS + "/%",
                TOKENS + "/%c0%ae",
                "/api/v1/me//",
                "/api/%00");

        for (var path : paths) {
            for (var method : List.of("GET", "DELETE")) {
                var response = api.rawRequest(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: " + caller.bearer() + "\r\nConnection: close\r\n\r\n");
                assertThat(response.status()).as(method + " " + path).isIn(400, 404);
                assertThat(response.text())
                        .as(method + " " + path)
                        .containsIgnoringCase("Content-Type: application/problem+json")
                        .doesNotContainIgnoringCase("<html")
                        .doesNotContain("Location:");
            }
        }
    }

    @Test
    void a_token_value_in_the_path_is_a_400_problem_that_neither_echoes_nor_logs_it(CapturedOutput output) {
        var value = caller.value();

        var asId = api.get(TOKENS + "/" + value, caller.bearer());
        var elsewhere = api.get("/api/v1/nothing/" + value + "/x", caller.bearer());
        var patched = api.send(api.request(TOKENS + "/" + value)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));

        for (var response : List.of(asId, elsewhere, patched)) {
            assertProblem(response, 400);
            assertThat(response.body()).doesNotContain(value).doesNotContain(value.substring(4, 30));
        }
        assertThat(output.getAll()).doesNotContain(value).doesNotContain(value.substring(4, 30));
        assertThat(api.get("/api/v1/me", caller.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_method_is_a_405_problem_that_says_which_methods_are_allowed() {
        var put = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        var postToOne = api.send(api.request(TOKENS + "/" + caller.tokenId())
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        var trace = api.rawRequest("TRACE " + TOKENS + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                + caller.bearer() + "\r\nConnection: close\r\n\r\n");

        assertProblem(put, 405);
        assertThat(put.headers().firstValue("Allow"))
                .hasValueSatisfying(
                        allow -> assertThat(allow).contains("GET", "POST").doesNotContain("PUT"));
        assertProblem(postToOne, 405);
        assertThat(postToOne.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("PATCH", "DELETE"));
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.text())
                .containsIgnoringCase("Content-Type: application/problem+json")
                .doesNotContain(caller.value());
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        var response = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));

        assertProblem(response, 415);
    }

    /**
     * Where the body is optional (rotating a token) too: YAML is not JSON, and nothing happens. Without an overlap a
     * rotation would end the old value at once, so the value still working shows there was none.
     */
    @Test
    void a_yaml_body_is_a_415_problem_and_changes_nothing() {
        var response = api.send(api.request("/api/v1/tokens/self/rotate")
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("expiry: KEEP\n")));

        assertProblem(response, 415);
        assertThat(api.get("/api/v1/me", caller.bearer()).statusCode())
                .as("the token was not rotated")
                .isEqualTo(200);
    }

    @Test
    void an_accept_header_the_api_cannot_satisfy_is_a_406_problem() {
        var response = api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .header("Accept", "text/html")
                .GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void json_bodies_are_strict_about_types_unknown_fields_and_trailing_garbage() {
        var numberAsName = post("{\"name\":0}");
        var unknown = post("{\"name\":\"Strict\",\"colour\":\"red\"}");
        var trailing = post("{\"name\":\"Strict\"} {\"name\":\"again\"}");
        var stringAsSwitch = patch("{\"enabled\":\"false\"}");
        var numberAsSwitch = patch("{\"enabled\":0}");

        assertProblem(numberAsName, 400);
        assertThat(ApiClient.json(numberAsName).at("/field").asString()).isEqualTo("name");
        assertProblem(unknown, 400);
        assertThat(ApiClient.json(unknown).at("/field").asString()).isEqualTo("colour");
        assertProblem(trailing, 400);
        for (var response : List.of(stringAsSwitch, numberAsSwitch)) {
            assertProblem(response, 400);
            assertThat(ApiClient.json(response).at("/field").asString()).isEqualTo("enabled");
        }
        var list = ApiClient.json(api.get(TOKENS, caller.bearer()));
        assertThat(list.at("/tokens").size()).isEqualTo(1);
        assertThat(list.at("/tokens/0/enabled").asBoolean()).isTrue();
    }

    @Test
    void a_token_value_sent_as_a_field_name_or_a_parameter_is_never_repeated_in_the_problem(CapturedOutput output) {
        var value = caller.value();
        var admin = testData.anAdministrator();

        var asFieldName = post("{\"" + value + "\":1}");
        var asNumber = api.get("/api/v1/admin/users?offset=" + value, admin.bearer());
        var asSort = api.get("/api/v1/admin/tokens?sort=" + value, admin.bearer());

        for (var response : List.of(asFieldName, asNumber, asSort)) {
            assertProblem(response, 400);
            assertThat(response.body()).doesNotContain(value.substring(4, 30));
        }
        assertThat(output.getAll()).doesNotContain(value.substring(4, 30));
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        assertProblem(api.get("/api/v1/nothing-here", caller.bearer()), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":0}", "{\"name\":true}", "{\"name\":[\"x\"]}", "{\"name\":{}}"})
    void a_name_that_is_not_a_string_is_400_and_nothing_is_created(String body) {
        int before = tokenCount();

        var response = post(body);

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

        assertProblem(post(body), 400);
        assertThat(tokenCount()).isEqualTo(before);
    }

    private int tokenCount() {
        return dsl.fetchCount(dsl.selectFrom("api_token"));
    }

    private HttpResponse<String> post(String json) {
        return api.send(api.request(TOKENS)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> patch(String json) {
        return api.send(api.request(TOKENS + "/" + caller.tokenId())
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.json(response).at("/status").asInt()).isEqualTo(status);
    }
}
