package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.TestClock;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenSecret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Regenerating with an overlap, moving the expiry and a token's view of itself, over real HTTP. */
@ApplicationTest
class ApiTokenLifecycleHttpTest {

    private static final String ME = "/api/v1/me";
    private static final String SELF = "/api/v1/tokens/self";

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
    void restore() {
        clock.run();
        testData.maxLifetime(null);
    }

    @Test
    void regenerates_a_token_with_a_new_value_keeping_its_id_name_and_scopes_and_the_old_value_stops_at_once() {
        var response =
                post("/api/v1/tokens/" + caller.tokenId() + "/rotate", caller.bearer(), "{\"overlap\":\"NONE\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        var body = ApiClient.json(response);
        var value = body.at("/value").asString();
        assertThat(TokenSecret.parse(value)).isPresent();
        assertThat(value).isNotEqualTo(caller.value());
        assertThat(body.at("/id").asLong()).isEqualTo(caller.tokenId());
        assertThat(body.at("/name").asString())
                .isEqualTo(caller.token().token().name().value());
        assertThat(body.at("/rotation").isNull() || body.at("/rotation").isMissingNode())
                .isTrue();

        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(401);
        var withNew = api.get(SELF, "Bearer " + value);
        assertThat(withNew.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(withNew).at("/scopes").toString())
                .contains("tokenkeeper:read")
                .contains("tokenkeeper:write");
        assertThat(auditDetails("TOKEN_REGENERATED")).singleElement().satisfies(details -> assertThat(details)
                .contains("the old value stopped at once")
                .doesNotContain(value)
                .doesNotContain(caller.value()));
    }

    @Test
    void the_old_value_works_for_the_chosen_overlap_and_is_refused_once_it_is_over() {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(now);
        var value = ApiClient.json(
                        post(SELF + "/rotate", caller.bearer(), "{\"overlap\":\"ONE_HOUR\",\"expiry\":\"KEEP\"}"))
                .at("/value")
                .asString();

        clock.stopAt(now.plus(Duration.ofMinutes(59)));
        var old = api.get(ME, caller.bearer());
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue("Tokenkeeper-Token-Expires"))
                .contains(httpDate(now.plus(Duration.ofHours(1))));
        assertThat(api.get(ME, "Bearer " + value).statusCode()).isEqualTo(200);
        var rotating = ApiClient.json(api.get(SELF, "Bearer " + value));
        assertThat(Instant.parse(rotating.at("/rotation/oldValueRetiresAt").asString()))
                .isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(rotating.at("/rotation/oldHint").asString())
                .isEqualTo(caller.token().token().hint().value());

        clock.stopAt(now.plus(Duration.ofHours(1)));
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(401);
        assertThat(api.get(ME, "Bearer " + value).statusCode()).isEqualTo(200);
    }

    @Test
    void until_first_use_the_old_value_works_until_the_new_one_authenticates_a_request() {
        var value = ApiClient.json(post(SELF + "/rotate", caller.bearer(), "{\"overlap\":\"UNTIL_FIRST_USE\"}"))
                .at("/value")
                .asString();
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);

        assertThat(api.get(ME, "Bearer " + value).statusCode()).isEqualTo(200);

        var refused = Polling.within1Second(() -> api.get(ME, caller.bearer()), r -> r.statusCode() == 401);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(auditDetails("TOKEN_OLD_VALUE_RETIRED")).singleElement().satisfies(details -> assertThat(details)
                .contains("the new value was used"));
        assertThat(ApiClient.json(api.get(SELF, "Bearer " + value))
                        .at("/rotation")
                        .isNull())
                .isTrue();
    }

    @Test
    void regenerating_needs_no_free_place_under_the_quota() {
        for (int i = 0; i < 4; i++) {
            testData.aTokenFor(caller.user(), null);
        }
        assertThat(ApiClient.json(api.get("/api/v1/tokens", caller.bearer()))
                        .at("/quota/used")
                        .asInt())
                .isEqualTo(5);

        var response = post(SELF + "/rotate", caller.bearer(), "{\"overlap\":\"SEVEN_DAYS\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(api.get("/api/v1/tokens", caller.bearer()))
                        .at("/quota/used")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void a_fresh_expiry_comes_from_the_policy_and_an_expired_token_cannot_keep_its_own() {
        testData.maxLifetime(30);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(now);
        var shortLived = testData.aTokenFor(caller.user(), now.plus(Duration.ofDays(2)));

        var fresh = post(
                "/api/v1/tokens/" + shortLived.token().id().value() + "/rotate",
                caller.bearer(),
                "{\"expiry\":\"FRESH\"}");
        assertThat(Instant.parse(ApiClient.json(fresh).at("/expiresAt").asString()))
                .isEqualTo(now.plus(Duration.ofDays(30)));

        var expiring = testData.aTokenFor(caller.user(), now.plus(Duration.ofDays(1)));
        clock.stopAt(now.plus(Duration.ofDays(2)));
        var kept = post(
                "/api/v1/tokens/" + expiring.token().id().value() + "/rotate",
                caller.bearer(),
                "{\"expiry\":\"KEEP\"}");
        assertThat(kept.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(kept).at("/field").asString()).isEqualTo("expiry");
    }

    @Test
    void a_token_that_may_only_read_still_regenerates_extends_and_revokes_itself() {
        var readOnly = testData.aTokenWith(
                caller.user(), new TokenRequest("Read only", null, List.of("tokenkeeper:read"), List.of()));
        var bearer = ApiTestData.bearer(readOnly);
        assertThat(post("/api/v1/tokens", bearer, "{\"name\":\"x\"}").statusCode())
                .isEqualTo(403);

        var rotated = post(SELF + "/rotate", bearer, "{}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        var newBearer = "Bearer " + ApiClient.json(rotated).at("/value").asString();
        var extended = post(
                SELF + "/extend", newBearer, "{\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(9)) + "\"}");
        assertThat(extended.statusCode()).isEqualTo(200);

        var deleted =
                api.send(api.request(SELF).header("Authorization", newBearer).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(api.get(ME, newBearer).statusCode()).isEqualTo(401);
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void self_describes_the_calling_token_and_the_location_of_a_created_token_resolves() {
        var self = api.get(SELF, caller.bearer());
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(self).at("/id").asLong()).isEqualTo(caller.tokenId());
        assertThat(self.body()).doesNotContain(caller.value());

        var created = post("/api/v1/tokens", caller.bearer(), "{\"name\":\"Located\"}");
        var location = created.headers().firstValue("Location").orElseThrow();
        var found = api.get(location, caller.bearer());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(found).at("/name").asString()).isEqualTo("Located");

        var someoneElses = testData.aCaller();
        assertThat(api.get("/api/v1/tokens/" + someoneElses.tokenId(), caller.bearer())
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/tokens/" + someoneElses.tokenId() + "/rotate", caller.bearer(), "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(ME, someoneElses.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void every_authenticated_answer_carries_the_expiry_of_a_token_that_has_one() {
        var expiry = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        var expiring = testData.aTokenFor(caller.user(), expiry);

        for (var path : List.of(ME, SELF, "/api/v1/tokens", "/api/v1/tokens/999999999")) {
            assertThat(api.get(path, ApiTestData.bearer(expiring)).headers().firstValue("Tokenkeeper-Token-Expires"))
                    .as(path)
                    .contains(httpDate(expiry));
        }
        assertThat(api.get(ME, caller.bearer()).headers().firstValue("Tokenkeeper-Token-Expires"))
                .isEmpty();
    }

    @Test
    void extending_moves_the_expiry_within_the_policy_and_keeps_the_value() {
        testData.maxLifetime(90);
        var expiring = testData.aTokenFor(caller.user(), Instant.now().plus(Duration.ofDays(5)));
        var path = "/api/v1/tokens/" + expiring.token().id().value() + "/extend";

        var tooFar =
                post(path, caller.bearer(), "{\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(91)) + "\"}");
        var never = post(path, caller.bearer(), "{\"expiresAt\":null}");
        var later = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        var extended = post(path, caller.bearer(), "{\"expiresAt\":\"" + later + "\"}");

        assertThat(tooFar.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooFar).at("/field").asString()).isEqualTo("expiresAt");
        assertThat(never.statusCode()).isEqualTo(400);
        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(ApiClient.json(extended).at("/expiresAt").asString()))
                .isEqualTo(later);
        assertThat(api.get(ME, ApiTestData.bearer(expiring)).headers().firstValue("Tokenkeeper-Token-Expires"))
                .contains(httpDate(later));
        assertThat(auditDetails("TOKEN_EXPIRY_CHANGED", expiring.token().id().value()))
                .singleElement()
                .satisfies(details -> assertThat(details).contains("to " + later));
    }

    @Test
    void an_administrator_regenerates_anyone_s_token_and_nobody_else_may() {
        var admin = testData.anAdministrator();

        var byUser = post("/api/v1/admin/tokens/" + caller.tokenId() + "/rotate", caller.bearer(), "{}");
        var byAdmin = post(
                "/api/v1/admin/tokens/" + caller.tokenId() + "/rotate", admin.bearer(), "{\"overlap\":\"ONE_DAY\"}");

        assertThat(byUser.statusCode()).isEqualTo(403);
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(auditDetails("TOKEN_REGENERATED")).singleElement().satisfies(details -> assertThat(details)
                .contains("by an administrator"));
    }

    private List<String> auditDetails(String action) {
        return auditDetails(action, caller.tokenId());
    }

    private List<String> auditDetails(String action, long tokenId) {
        return dsl
                .fetchValues(
                        "select details from audit_event where action = ? and target_id = ? order by id",
                        action,
                        Long.toString(tokenId))
                .stream()
                .map(String::valueOf)
                .toList();
    }

    private HttpResponse<String> post(String path, String authorization, String json) {
        return api.send(api.request(path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }
}
