package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.activity.UsageRecorder;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.activity.UnusedTokens;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a token is doing, recorded off the request thread and shown through the API. */
@ApplicationTest
class ApiTokenActivityHttpTest {

    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    UserTestData users;

    @Autowired
    UsageRecorder usage;

    @Autowired
    RequestThreadStatements queries;

    @Autowired
    UnusedTokens unusedTokens;

    @Autowired
    LifecyclePolicyService lifecyclePolicy;

    @Autowired
    DSLContext dsl;

    private ApiClient api;
    private ApiTestData.Caller caller;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        caller = testData.aCaller();
    }

    @AfterEach
    void inactivityRuleOff() {
        lifecyclePolicy.update(admin(), null, List.of(30, 7, 1));
    }

    @Test
    void counts_calls_per_day_with_the_address_user_agent_and_route_but_never_the_query_string() {
        for (int i = 0; i < 3; i++) {
            var response = api.send(api.request("/api/v1/tokens/" + caller.tokenId() + "?secret=private-thing")
                    .header("Authorization", caller.bearer())
                    .header("User-Agent", "deploy-bot/2.1")
                    .GET());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        usage.flush();

        var response = api.get("/api/v1/tokens/" + caller.tokenId() + "/activity", caller.bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = ApiClient.json(response);
        var today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(body.at("/days").size()).isEqualTo(30);
        assertThat(body.at("/days/29/day").asString()).isEqualTo(today);
        assertThat(body.at("/days/29/calls").asLong()).isEqualTo(3);
        assertThat(body.at("/totalCalls").asLong()).isEqualTo(3);
        assertThat(body.at("/lastEndpoint").asString()).isEqualTo("GET /api/v1/tokens/{id}");
        assertThat(body.at("/lastUserAgent").asString()).isEqualTo("deploy-bot/2.1");
        assertThat(body.at("/addresses/0/address").asString()).isEqualTo(api.address());
        assertThat(body.at("/history/0/action").asString()).isEqualTo("Token created");
        assertThat(response.body()).doesNotContain("private-thing").doesNotContain(caller.value());
    }

    @Test
    void the_last_endpoint_names_the_method_of_the_last_call_on_a_route() {
        var route = "/api/v1/tokens/" + caller.tokenId();
        assertThat(api.get(route, caller.bearer()).statusCode()).isEqualTo(200);
        var head = api.send(api.request(route)
                .header("Authorization", caller.bearer())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        usage.flush();
        assertThat(lastEndpoint()).isEqualTo("HEAD /api/v1/tokens/{id}");

        assertThat(api.get(route, caller.bearer()).statusCode()).isEqualTo(200);
        usage.flush();
        assertThat(lastEndpoint()).isEqualTo("GET /api/v1/tokens/{id}");
    }

    private String lastEndpoint() {
        var response = api.get("/api/v1/tokens/" + caller.tokenId() + "/activity", caller.bearer());
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.json(response).at("/lastEndpoint").asString();
    }

    @Test
    void keeps_the_last_five_distinct_addresses() {
        for (int i = 0; i < 7; i++) {
            var client = new ApiClient(port);
            assertThat(client.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
            usage.flush();
        }

        var body = ApiClient.json(api.get("/api/v1/tokens/self/activity", caller.bearer()));

        assertThat(body.at("/addresses").size()).isEqualTo(5);
        assertThat(body.at("/totalCalls").asLong()).isEqualTo(7);
    }

    @Test
    void recording_uses_costs_the_request_thread_no_query() {
        Polling.within1Second(
                () -> {
                    long before = queries.executed();
                    api.get(ME, caller.bearer());
                    return queries.executed() - before;
                },
                cost -> cost == 0);

        long before = queries.executed();
        for (int i = 0; i < 20; i++) {
            assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        }
        long cost = queries.executed() - before;
        usage.flush();

        assertThat(cost).isZero();
        var body = ApiClient.json(api.get("/api/v1/tokens/self/activity?days=1", caller.bearer()));
        assertThat(body.at("/days/0/calls").asLong()).isGreaterThanOrEqualTo(21);
    }

    @Test
    void another_user_s_activity_does_not_exist_and_an_administrator_sees_anyone_s() {
        var other = testData.aCaller();
        var admin = testData.anAdministrator();

        assertThat(api.get("/api/v1/tokens/" + other.tokenId() + "/activity", caller.bearer())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/tokens/" + other.tokenId() + "/activity", caller.bearer())
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/tokens/" + other.tokenId() + "/activity", admin.bearer())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokens_unused_for_the_policy_s_days_are_disabled_once_audited_and_may_be_enabled_again() {
        var idle = testData.aTokenFor(caller.user(), null);
        long idleId = idle.token().id().value();
        dsl.execute("update api_token set created_at = now() - interval '40 days' where id = ?", idleId);
        dsl.execute(
                "update api_token set created_at = now() - interval '40 days', last_used_at = now() - interval '1 day'"
                        + " where id = ?",
                caller.tokenId());

        assertThat(unusedTokens.disableUnused()).isEmpty();
        lifecyclePolicy.update(admin(), 30, List.of(30, 7, 1));
        var disabled = unusedTokens.disableUnused();

        assertThat(disabled)
                .extracting(token -> token.id().value())
                .contains(idleId)
                .doesNotContain(caller.tokenId());
        assertThat(api.get(ME, ApiTestData.bearer(idle)).statusCode()).isEqualTo(401);
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(dsl.fetchCount(dsl.selectFrom("audit_event")
                        .where("action = 'TOKEN_DISABLED_FOR_INACTIVITY' and target_id = ?", Long.toString(idleId))))
                .isEqualTo(1);

        var enabled = api.send(api.request("/api/v1/tokens/" + idleId)
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(unusedTokens.disableUnused())
                .extracting(token -> token.id().value())
                .doesNotContain(idleId);
        assertThat(api.get(ME, ApiTestData.bearer(idle)).statusCode()).isEqualTo(200);
    }

    private Actor admin() {
        return new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
    }
}
