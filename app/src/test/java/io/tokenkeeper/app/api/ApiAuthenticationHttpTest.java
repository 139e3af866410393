package io.tokenkeeper.app.api;

import static io.tokenkeeper.app.api.ApiTestData.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.RawHttp;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.Privilege;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.catalina.Context;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** How the API authenticates, over real HTTP against the running server and its PostgreSQL. */
@ApplicationTest
class ApiAuthenticationHttpTest {

    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    DSLContext dsl;

    @Autowired
    WebServerApplicationContext server;

    private ApiClient api;
    private ApiTestData.Caller caller;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        caller = testData.aCaller();
    }

    @Test
    void a_bearer_token_authenticates_its_owner() {
        var response = api.get(ME, caller.bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        var me = ApiClient.json(response);
        assertThat(me.at("/user/username").asString()).isEqualTo(caller.username());
        assertThat(me.at("/user/privileges").toString()).isEqualTo("[\"API_ACCESS\"]");
        assertThat(me.at("/token/id").asLong()).isEqualTo(caller.tokenId());
        assertThat(me.at("/token/name").asString())
                .isEqualTo(caller.token().token().name().value());
        assertThat(me.at("/token/hint").asString())
                .isEqualTo(caller.token().token().hint().value());
        assertThat(me.at("/token/expiresAt").isNull()).isTrue();
        assertThat(response.body()).doesNotContain(caller.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "bEaReR"})
    void the_scheme_name_is_case_insensitive_as_rfc_9110_says(String scheme) {
        assertThat(api.get(ME, scheme + " " + caller.value()).statusCode()).isEqualTo(200);
    }

    @Test
    void basic_takes_the_token_as_password_and_the_owner_s_username() {
        assertThat(api.get(ME, basic(caller.username(), caller.value())).statusCode())
                .isEqualTo(200);
        assertThat(api.get(ME, basic("BOOMI_TOKEN." + caller.username(), caller.value()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(
                                ME,
                                "basic "
                                        + basic(caller.username(), caller.value())
                                                .substring(6))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void every_bad_credential_gets_the_same_401() {
        var someoneElse = testData.aCaller();
        var value = caller.value();
        var wrongChecksum = value.substring(0, value.length() - 1) + (value.endsWith("a") ? "b" : "a");
        var unknown = TokenSecret.generate(new SecureRandom()).reveal();
        var attempts = List.of(
                "Bearer",
                "Bearer ",
                "Bearer  " + value,
                "Bearer " + value + " x",
                "Bearer " + value.substring(0, value.length() - 1),
                "Bearer " + value + "A",
                "Bearer " + value + value,
                "Bearer " + "A".repeat(4000),
                "Bearer " + wrongChecksum,
                "Bearer " + unknown,
                "Bearer " + value.toUpperCase(),
                "Token " + value,
                value,
                "Basic " + value,
                "Basic !!!not-base64!!!",
                basic(someoneElse.username(), value),
                basic("BOOMI_TOKEN." + someoneElse.username(), value),
                basic("", value),
                basic(caller.username(), unknown),
                basic(caller.username(), "correct horse battery staple"),
                "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));

        var responses = new ArrayList<HttpResponse<String>>();
        for (var authorization : attempts) {
            responses.add(api.get(ME, authorization));
        }
        responses.add(api.getAnonymously(ME));

        var expected = responses.getLast();
        assertThat(expected.statusCode()).isEqualTo(401);
        assertThat(expected.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"Tokenkeeper\"", "Basic realm=\"Tokenkeeper\", charset=\"UTF-8\"");
        assertThat(expected.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ApiAuthenticationHttpTest::isProblem);
        assertThat(ApiClient.json(expected).at("/title").asString()).isEqualTo("Unauthorized");
        for (int i = 0; i < attempts.size(); i++) {
            var response = responses.get(i);
            assertThat(response.statusCode()).as(describe(attempts.get(i))).isEqualTo(401);
            assertThat(response.body()).as(describe(attempts.get(i))).isEqualTo(expected.body());
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .isEqualTo(expected.headers().allValues("WWW-Authenticate"));
            assertThat(response.body()).doesNotContain(value);
        }
    }

    @Test
    void a_disabled_expired_or_revoked_token_and_a_disabled_or_unprivileged_owner_get_the_same_401() {
        var expected = api.getAnonymously(ME).body();
        var disabled = testData.aCaller();
        var revoked = testData.aCaller();
        var expired = testData.aCaller();
        var ownerDisabled = testData.aCaller();
        var noApiAccess = testData.aCaller();
        var all = List.of(disabled, revoked, expired, ownerDisabled, noApiAccess);
        all.forEach(each -> assertThat(api.get(ME, each.bearer()).statusCode()).isEqualTo(200));

        dsl.execute("update api_token set enabled = false where id = ?", disabled.tokenId());
        dsl.execute("update api_token set revoked_at = now() where id = ?", revoked.tokenId());
        dsl.execute(
                "update api_token set expires_at = created_at + interval '1 microsecond' where id = ?",
                expired.tokenId());
        dsl.execute(
                "update app_user set enabled = false where id = ?",
                ownerDisabled.user().id().value());
        dsl.execute(
                "delete from user_privilege where user_id = ?",
                noApiAccess.user().id().value());

        for (var each : all) {
            var refused =
                    Polling.within1Second(() -> api.get(ME, each.bearer()), response -> response.statusCode() == 401);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(expected);
        }
    }

    @Test
    void an_owner_without_api_access_cannot_use_a_token_made_before() {
        var admin = testData.aCallerWith(Set.of(Privilege.API_ACCESS, Privilege.ADMINISTRATOR));
        dsl.execute(
                "delete from user_privilege where user_id = ? and privilege = 'API_ACCESS'",
                admin.user().id().value());

        assertThat(api.get(ME, admin.bearer()).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token", "token", "api_token", "ACCESS_TOKEN", "private_token", "apikey"})
    void a_token_in_the_query_string_is_refused_with_400_even_beside_a_valid_header(String parameter) {
        var inQuery = api.getAnonymously(ME + "?" + parameter + "=" + caller.value());
        var besideHeader = api.get(ME + "?" + parameter + "=" + caller.value(), caller.bearer());
        var namedLikeAToken = api.get(ME + "?" + parameter + "=x", caller.bearer());

        for (var response : List.of(inQuery, besideHeader, namedLikeAToken)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ApiAuthenticationHttpTest::isProblem);
            assertThat(ApiClient.json(response).at("/detail").asString()).contains("Authorization header");
            assertThat(response.body()).doesNotContain(caller.value());
        }
    }

    @Test
    void a_token_value_under_any_parameter_name_or_in_a_form_field_is_refused_with_400() {
        var underAnotherName =
                api.getAnonymously("/api/v1/tokens?q=" + URLEncoder.encode(caller.value(), StandardCharsets.UTF_8));
        var inAForm = api.send(api.request("/api/v1/tokens")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x&token=" + caller.value())));
        var valueInAForm = api.send(api.request("/api/v1/tokens")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", caller.bearer())
                .POST(HttpRequest.BodyPublishers.ofString("name=" + caller.value())));

        assertThat(underAnotherName.statusCode()).isEqualTo(400);
        assertThat(inAForm.statusCode()).isEqualTo(400);
        assertThat(valueInAForm.statusCode()).isEqualTo(400);
    }

    /**
     * Only a {@code POST} form's fields are request parameters (and refused above when they hold a token): the form body
     * of any other method is never parsed (application.properties), so a token there authenticates nothing and the
     * token is left as it was.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "PUT", "DELETE"})
    void a_token_in_the_form_body_of_another_method_is_never_read(String method) {
        var response = api.send(api.request("/api/v1/tokens/" + caller.tokenId())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString("token=" + caller.value() + "&name=changed")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).doesNotContain(caller.value());
        var me = api.get(ME, caller.bearer());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(me).at("/token/name").asString())
                .isEqualTo(caller.token().token().name().value());
    }

    @Test
    void two_authorization_headers_are_refused_with_400() {
        var other = testData.aCaller();

        var twoTokens = api.raw(ME, "Authorization: " + caller.bearer(), "Authorization: " + other.bearer());
        var sameTwice = api.raw(ME, "Authorization: " + caller.bearer(), "Authorization: " + caller.bearer());
        var bearerAndBasic = api.raw(
                ME, "Authorization: " + caller.bearer(), "Authorization: " + basic(caller.username(), caller.value()));

        for (var response : List.of(twoTokens, sameTwice, bearerAndBasic)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("exactly one credential").doesNotContain(caller.value());
        }
    }

    @Test
    void the_header_exactly_as_sent_decides_and_a_raw_request_is_read_like_any_other() {
        assertThat(api.raw(ME, "Authorization: " + caller.bearer()).status()).isEqualTo(200);
        assertThat(api.raw(ME, "Authorization: Bearer\t" + caller.value()).status())
                .isEqualTo(401);
        assertThat(api.raw(ME, "Authorization: Bearer " + caller.value() + "\u000b")
                        .status())
                .isIn(400, 401);
    }

    @Test
    void trailing_whitespace_is_not_part_of_a_header_value_so_it_changes_nothing() {
        // RFC 9110, section 5.5: leading and trailing spaces and tabs are not part of a field value; Tomcat drops them.
        assertThat(api.raw(ME, "Authorization: " + caller.bearer() + " \t").status())
                .isEqualTo(200);
        assertThat(api.raw(ME, "Authorization:    " + caller.bearer()).status()).isEqualTo(200);
    }

    @Test
    void a_header_folded_onto_a_second_line_is_one_line_as_rfc_9112_says() {
        // RFC 9112, section 5.2: a server either refuses obsolete line folding or replaces it with a space; Tomcat
        // does the latter, so the application sees "Bearer <token>".
        assertThat(api.raw(ME, "Authorization: Bearer", " " + caller.value()).status())
                .isEqualTo(200);
        assertThat(api.raw(ME, "Authorization: Bearer", " " + caller.value() + "x")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void basic_credentials_with_a_trailing_newline_are_refused() {
        // What "echo user:token | base64" makes: the newline becomes part of the password.
        var echoed = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (caller.username() + ":" + caller.value() + "\n").getBytes(StandardCharsets.UTF_8));
        var withSpace = basic(caller.username(), caller.value() + " ");

        assertThat(api.get(ME, echoed).statusCode()).isEqualTo(401);
        assertThat(api.get(ME, withSpace).statusCode()).isEqualTo(401);
        assertThat(api.get(ME, basic(caller.username() + " ", caller.value())).statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_10_kb_header_is_refused_by_the_server_never_with_500() {
        var huge = api.get(ME, "Bearer " + "A".repeat(10 * 1024));
        var hugeOther = api.send(
                api.request(ME).header("Authorization", caller.bearer()).header("X-Padding", "p".repeat(10 * 1024)));

        assertThat(huge.statusCode()).isIn(400, 431);
        assertThat(hugeOther.statusCode()).isIn(400, 431);
    }

    @Test
    void api_responses_set_no_cookie_and_create_no_session() {
        var sessionsBefore = sessionsCreated();

        var responses = List.of(
                api.get(ME, caller.bearer()),
                api.get("/api/v1/tokens", caller.bearer()),
                api.get(ME, "Bearer nonsense"),
                api.getAnonymously(ME),
                api.getAnonymously(ME + "?access_token=x"),
                api.get("/api/v1/no-such-endpoint", caller.bearer()),
                api.send(api.request("/api/v1/tokens")
                        .header("Authorization", caller.bearer())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cookie check\"}"))));

        for (var response : responses) {
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(responses.get(6).statusCode()).isEqualTo(201);
        assertThat(sessionsCreated()).isEqualTo(sessionsBefore);
    }

    @Test
    void a_session_cookie_from_the_browser_ui_does_not_authenticate_the_api() {
        var response = api.send(
                api.request(ME).header("Cookie", "JSESSIONID=0123456789ABCDEF").GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_api_path_answers_a_404_problem_once_authenticated() {
        var response = api.get("/api/v1/no-such-endpoint", caller.bearer());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ApiAuthenticationHttpTest::isProblem);
        assertThat(api.getAnonymously("/api/v1/no-such-endpoint").statusCode()).isEqualTo(401);
    }

    /**
     * API answers keep the connection and say their length: sent chunked, each would take two writes to the socket
     * instead of one. This answer had its length before {@code WholeAnswers} too; the one that did not, introspection's,
     * is checked in {@code IntrospectionHttpTest}.
     */
    @Test
    void answers_say_their_length_and_keep_the_connection() throws Exception {
        var request = "GET " + ME + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + caller.bearer() + "\r\n\r\n";

        try (var http = new RawHttp(port)) {
            for (int call = 0; call < 3; call++) {
                var answer = http.exchange(request);

                assertThat(answer.head()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
                assertThat(answer.body()).contains("\"username\":\"" + caller.username() + "\"");
            }
            var refused = http.exchange("GET " + ME + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(refused.head()).startsWith("HTTP/1.1 401");
            assertThat(refused.body()).contains("\"status\":401");
        }
    }

    @Test
    void prometheus_metrics_need_an_administrator_s_token() {
        var admin = testData.anAdministrator();
        api.get(ME, caller.bearer());

        var scraped = api.get("/actuator/prometheus", admin.bearer());

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body())
                .contains("tokenkeeper_api_authentications_total{outcome=\"accepted\"}")
                .containsPattern("tokenkeeper_api_verification_seconds_count(\\{[^}]*\\})? [1-9]")
                .contains("tokenkeeper_api_verification_seconds_sum")
                .contains("tokenkeeper_db_statements_total{thread=\"request\"}")
                .contains("tokenkeeper_db_statements_total{thread=\"background\"}")
                .contains("cache_gets_total{cache=\"api-token-grants\"");
        assertThat(api.get("/actuator/prometheus", caller.bearer()).statusCode())
                .isEqualTo(403);
        assertThat(api.getAnonymously("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    private static void isProblem(String contentType) {
        assertThat(contentType).startsWith("application/problem+json");
    }

    private long sessionsCreated() {
        var tomcat = ((TomcatWebServer) server.getWebServer()).getTomcat();
        long created = 0;
        for (var child : tomcat.getHost().findChildren()) {
            created += ((Context) child).getManager().getSessionCounter();
        }
        return created;
    }

    private static String describe(String authorization) {
        return authorization.length() > 60 ? authorization.substring(0, 60) + "…" : authorization;
    }
}
