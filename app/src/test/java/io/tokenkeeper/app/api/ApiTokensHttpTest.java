package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.TestClock;
import io.tokenkeeper.domain.token.TokenSecret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The caller's own tokens through /api/v1/tokens, over real HTTP. */
@ApplicationTest
class ApiTokensHttpTest {

    private static final String TOKENS = "/api/v1/tokens";
    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private ApiTestData.Caller caller;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        caller = testData.aCaller();
    }

    @AfterEach
    void letTheClockRun() {
        clock.run();
    }

    @Test
    void lists_the_caller_s_tokens_with_the_quota_and_never_a_value() {
        var second = testData.aTokenFor(caller.user(), null);
        testData.aCaller();

        var response = api.get(TOKENS, caller.bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = ApiClient.json(response);
        assertThat(body.at("/tokens").size()).isEqualTo(2);
        assertThat(body.at("/tokens/0/id").asLong())
                .isEqualTo(second.token().id().value());
        assertThat(body.at("/tokens/0/hint").asString())
                .isEqualTo(second.token().hint().value());
        assertThat(body.at("/tokens/0/status").asString()).isEqualTo("ENABLED");
        assertThat(body.at("/tokens/0/enabled").asBoolean()).isTrue();
        assertThat(body.at("/tokens/1/id").asLong()).isEqualTo(caller.tokenId());
        assertThat(body.at("/quota/used").asInt()).isEqualTo(2);
        assertThat(body.at("/quota/max").asInt()).isEqualTo(5);
        assertThat(response.body())
                .doesNotContain(caller.value())
                .doesNotContain(second.secret().reveal());
    }

    @Test
    void creates_a_token_and_returns_its_value_once_without_letting_anything_store_it() {
        var expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        var response = post(TOKENS, "{\"name\":\"  CI deploy \",\"expiresAt\":\"" + expiry + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        var created = ApiClient.json(response);
        var value = created.at("/value").asString();
        assertThat(TokenSecret.parse(value)).isPresent();
        assertThat(created.at("/name").asString()).isEqualTo("CI deploy");
        assertThat(Instant.parse(created.at("/expiresAt").asString())).isEqualTo(expiry);
        assertThat(created.at("/hint").asString()).startsWith(value.substring(0, 8));
        assertThat(response.headers().firstValue("Location"))
                .contains(TOKENS + "/" + created.at("/id").asLong());

        var withTheNewToken = api.get(ME, "Bearer " + value);
        assertThat(withTheNewToken.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(withTheNewToken).at("/token/name").asString()).isEqualTo("CI deploy");
        assertThat(api.get(TOKENS, caller.bearer()).body()).doesNotContain(value);
    }

    @Test
    void creates_a_token_with_the_scopes_and_addresses_asked_for_and_the_policy_s_scopes_otherwise() {
        var narrow = post(
                TOKENS,
                "{\"name\":\"Reader\",\"scopes\":[\"tokenkeeper:read\"],"
                        + "\"allowedAddresses\":[\"203.0.113.0/24\"]}");
        var plain = post(TOKENS, "{\"name\":\"Plain\"}");
        var nullScope = post(TOKENS, "{\"name\":\"Broken\",\"scopes\":[null]}");
        var badAddress = post(TOKENS, "{\"name\":\"Broken\",\"allowedAddresses\":[\"somewhere\"]}");

        assertThat(narrow.statusCode()).as(narrow.body()).isEqualTo(201);
        var created = ApiClient.json(narrow);
        assertThat(created.at("/scopes").toString()).isEqualTo("[\"tokenkeeper:read\"]");
        assertThat(created.at("/allowedAddresses").toString()).isEqualTo("[\"203.0.113.0/24\"]");
        // Outside its own allowed addresses the token is refused like any other failed authentication.
        assertProblem(api.get(ME, "Bearer " + created.at("/value").asString()), 401);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        assertThat(ApiClient.json(plain).at("/scopes").toString()).contains("tokenkeeper:read", "tokenkeeper:write");
        assertThat(ApiClient.json(plain).at("/allowedAddresses").size()).isZero();
        assertThat(api.get(ME, "Bearer " + ApiClient.json(plain).at("/value").asString())
                        .statusCode())
                .isEqualTo(200);
        assertProblem(nullScope, 400);
        assertThat(ApiClient.json(nullScope).at("/field").asString()).isEqualTo("scopes");
        assertProblem(badAddress, 400);
        assertThat(ApiClient.json(badAddress).at("/field").asString()).isEqualTo("allowedAddresses");
    }

    @Test
    void creation_follows_the_page_s_rules_name_expiry_and_quota() {
        var noName = post(TOKENS, "{}");
        var blank = post(TOKENS, "{\"name\":\"   \"}");
        var tooLong = post(TOKENS, "{\"name\":\"" + "x".repeat(101) + "\"}");
        var invisible = post(TOKENS, "{\"name\":\"zero\\u200bwidth\"}");
        var duplicate = post(
                TOKENS, "{\"name\":\"" + caller.token().token().name().value().toUpperCase() + "\"}");
        var past = post(TOKENS, "{\"name\":\"Old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");

        for (var response : List.of(noName, blank, tooLong, invisible, duplicate)) {
            assertProblem(response, 400);
            assertThat(ApiClient.json(response).at("/field").asString()).isEqualTo("name");
        }
        assertProblem(past, 400);
        assertThat(ApiClient.json(past).at("/field").asString()).isEqualTo("expiresAt");
        assertThat(ApiClient.json(duplicate).at("/detail").asString())
                .isEqualTo("You already have a token with this name.");

        for (int i = 2; i <= 5; i++) {
            assertThat(post(TOKENS, "{\"name\":\"Token " + i + "\"}").statusCode())
                    .isEqualTo(201);
        }
        var sixth = post(TOKENS, "{\"name\":\"Token 6\"}");
        assertProblem(sixth, 409);
        assertThat(ApiClient.json(sixth).at("/detail").asString()).isEqualTo("You can have at most 5 API tokens.");
    }

    @Test
    void a_body_that_is_not_json_gets_a_400_problem_without_details_of_the_parser() {
        var broken = post(TOKENS, "{\"name\": ");
        var wrongDate = post(TOKENS, "{\"name\":\"x\",\"expiresAt\":\"next tuesday\"}");

        assertProblem(broken, 400);
        assertProblem(wrongDate, 400);
        assertThat(broken.body()).doesNotContain("tools.jackson").doesNotContain("Exception");
        assertThat(wrongDate.body()).doesNotContain("tools.jackson").doesNotContain("Exception");
    }

    @Test
    void renames_and_switches_a_token_in_one_request() {
        var response = patch(caller.tokenId(), "{\"name\":\"Renamed\",\"enabled\":false}");

        assertThat(response.statusCode()).isEqualTo(200);
        var token = ApiClient.json(response);
        assertThat(token.at("/name").asString()).isEqualTo("Renamed");
        assertThat(token.at("/enabled").asBoolean()).isFalse();
        assertThat(token.at("/status").asString()).isEqualTo("DISABLED");
    }

    @Test
    void a_patch_that_fails_changes_nothing() {
        var other = testData.aTokenFor(caller.user(), null);

        var response =
                patch(caller.tokenId(), "{\"name\":\"" + other.token().name().value() + "\",\"enabled\":false}");

        assertProblem(response, 400);
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertProblem(patch(caller.tokenId(), "{}"), 400);
    }

    @Test
    void disabling_stops_the_token_on_the_next_request_and_enabling_brings_it_back() {
        var other = testData.aTokenFor(caller.user(), null);
        var otherBearer = ApiTestData.bearer(other);
        assertThat(api.get(ME, otherBearer).statusCode()).isEqualTo(200);

        assertThat(patch(other.token().id().value(), "{\"enabled\":false}").statusCode())
                .isEqualTo(200);
        assertThat(api.get(ME, otherBearer).statusCode()).isEqualTo(401);

        assertThat(patch(other.token().id().value(), "{\"enabled\":true}").statusCode())
                .isEqualTo(200);
        assertThat(api.get(ME, otherBearer).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_can_disable_itself_and_is_refused_from_the_next_request_on() {
        assertThat(patch(caller.tokenId(), "{\"enabled\":false}").statusCode()).isEqualTo(200);

        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(401);
    }

    @Test
    void revoking_stops_the_token_on_the_next_request_and_removes_it_from_the_list() {
        var other = testData.aTokenFor(caller.user(), null);
        var otherBearer = ApiTestData.bearer(other);
        assertThat(api.get(ME, otherBearer).statusCode()).isEqualTo(200);

        var revoked = api.send(api.request(TOKENS + "/" + other.token().id().value())
                .header("Authorization", caller.bearer())
                .DELETE());

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(api.get(ME, otherBearer).statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(api.get(TOKENS, caller.bearer()))
                        .at("/tokens")
                        .size())
                .isEqualTo(1);
        assertProblem(delete(other.token().id().value()), 404);
        assertProblem(patch(other.token().id().value(), "{\"enabled\":true}"), 404);
    }

    @Test
    void a_token_can_revoke_itself() {
        assertThat(delete(caller.tokenId()).statusCode()).isEqualTo(204);

        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(401);
    }

    @Test
    void another_user_s_token_does_not_exist_even_for_an_administrator() {
        var someoneElse = testData.aCaller();
        var admin = testData.anAdministrator();
        long theirs = someoneElse.tokenId();

        assertProblem(patch(theirs, "{\"enabled\":false}"), 404);
        assertProblem(delete(theirs), 404);
        assertProblem(
                api.send(api.request(TOKENS + "/" + theirs)
                        .header("Authorization", admin.bearer())
                        .DELETE()),
                404);
        assertProblem(delete(0), 404);
        assertProblem(delete(Long.MAX_VALUE), 404);
        assertThat(api.get(ME, someoneElse.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_stops_working_the_moment_it_expires() {
        var expiry = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        var bearer = ApiTestData.bearer(testData.aTokenFor(caller.user(), expiry));

        clock.stopAt(expiry.minus(1, ChronoUnit.MICROS));
        assertThat(api.get(ME, bearer).statusCode()).isEqualTo(200);

        clock.stopAt(expiry);
        assertThat(api.get(ME, bearer).statusCode()).isEqualTo(401);
    }

    @Test
    void disabling_the_owner_or_removing_api_access_reaches_the_cache_within_a_second() {
        var other = testData.aCaller();
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(api.get(ME, other.bearer()).statusCode()).isEqualTo(200);

        dsl.execute(
                "update app_user set enabled = false where id = ?",
                caller.user().id().value());
        dsl.execute(
                "delete from user_privilege where user_id = ? and privilege = 'API_ACCESS'",
                other.user().id().value());

        assertThat(Polling.within1Second(() -> api.get(ME, caller.bearer()), r -> r.statusCode() == 401)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Polling.within1Second(() -> api.get(ME, other.bearer()), r -> r.statusCode() == 401)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_last_use_is_recorded_off_the_request_with_the_client_address() throws InterruptedException {
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);

        Instant lastUsed = null;
        for (int i = 0; i < 100 && lastUsed == null; i++) {
            Thread.sleep(20);
            lastUsed = dsl.fetchValue("select last_used_at from api_token where id = ?", caller.tokenId()) == null
                    ? null
                    : Instant.now();
        }
        assertThat(lastUsed).as("last_used_at written").isNotNull();
        var listed = ApiClient.json(api.get(TOKENS, caller.bearer())).at("/tokens/0");
        assertThat(listed.at("/lastUsedIp").asString()).isEqualTo(api.address());
        assertThat(listed.at("/lastUsedAt").isNull()).isFalse();
    }

    private HttpResponse<String> post(String path, String json) {
        return api.send(api.request(path)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> patch(long id, String json) {
        return api.send(api.request(TOKENS + "/" + id)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> delete(long id) {
        return api.send(api.request(TOKENS + "/" + id)
                .header("Authorization", caller.bearer())
                .DELETE());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.json(response).at("/status").asInt()).isEqualTo(status);
    }
}
