package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.persistence.token.PostgresChangeFeed;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two application instances on one database: node A is the test's application, node B a second one started on A's
 * embedded PostgreSQL. A change made through either reaches the other within a second.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTwoNodesTest {

    private static final String ME = "/api/v1/me";

    @RegisterExtension
    static final SecondNode nodeB = SecondNode.forApi();

    @LocalServerPort
    int portA;

    @Autowired
    ApiTestData testData;

    @Autowired
    DSLContext dsl;

    private ApiClient a;
    private ApiClient b;
    private ApiTestData.Caller caller;

    @BeforeEach
    void setUp() {
        a = new ApiClient(portA);
        b = new ApiClient(nodeB.port());
        caller = testData.aCaller();
        assertThat(a.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(b.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_revoked_through_node_a_is_refused_by_node_b_within_a_second() {
        var other = testData.aTokenFor(caller.user(), null);
        assertThat(b.get(ME, ApiTestData.bearer(other)).statusCode()).isEqualTo(200);

        var revoked = a.send(a.request("/api/v1/tokens/" + other.token().id().value())
                .header("Authorization", caller.bearer())
                .DELETE());

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(a.get(ME, ApiTestData.bearer(other)).statusCode()).isEqualTo(401);
        assertThat(refusedWithin1Second(b, ApiTestData.bearer(other)).statusCode())
                .isEqualTo(401);
        assertThat(b.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_disabled_through_node_b_is_refused_by_node_a_within_a_second_and_comes_back_too() {
        assertThat(patchEnabled(b, false).statusCode()).isEqualTo(200);
        assertThat(b.get(ME, caller.bearer()).statusCode()).isEqualTo(401);
        assertThat(refusedWithin1Second(a, caller.bearer()).statusCode()).isEqualTo(401);

        dsl.execute("update api_token set enabled = true where id = ?", caller.tokenId());

        assertThat(Polling.within1Second(() -> a.get(ME, caller.bearer()), r -> r.statusCode() == 200)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Polling.within1Second(() -> b.get(ME, caller.bearer()), r -> r.statusCode() == 200)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_trusted_range_set_on_node_a_applies_on_node_b_within_a_second_and_so_does_its_removal() {
        var elsewhere = new ApiClient(nodeB.port());
        testData.trustOnly(b.address());
        try {
            var refused = Polling.within1Second(
                    () -> elsewhere.get(ME, caller.bearer()), response -> response.statusCode() == 403);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(b.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        } finally {
            testData.trustOnly();
        }

        var admitted = Polling.within1Second(
                () -> elsewhere.get(ME, caller.bearer()), response -> response.statusCode() == 200);
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(Polling.within1Second(() -> a.get(ME, caller.bearer()), r -> r.statusCode() == 200)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_node_that_lost_its_listener_forgets_its_cache_and_listens_again() {
        int terminated =
                count("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?");
        assertThat(terminated).isEqualTo(2);
        // Sent while the listeners may be gone: nobody may hear it.
        dsl.execute("update api_token set enabled = false where id = ?", caller.tokenId());

        assertThat(refusedWithin1Second(a, caller.bearer()).statusCode()).isEqualTo(401);
        assertThat(refusedWithin1Second(b, caller.bearer()).statusCode()).isEqualTo(401);

        var listening = Polling.within1Second(
                () -> count(
                        "select count(*) from pg_stat_activity where application_name = ? and query ilike 'listen%'"),
                count -> count == 2);
        assertThat(listening).isEqualTo(2);
        var other = testData.aTokenFor(caller.user(), null);
        assertThat(b.get(ME, ApiTestData.bearer(other)).statusCode()).isEqualTo(200);
        dsl.execute(
                "update api_token set revoked_at = now() where id = ?",
                other.token().id().value());
        assertThat(refusedWithin1Second(b, ApiTestData.bearer(other)).statusCode())
                .isEqualTo(401);
    }

    private int count(String listenerSql) {
        return dsl.fetchSingle(listenerSql, PostgresChangeFeed.APPLICATION_NAME).get(0, Integer.class);
    }

    private HttpResponse<String> patchEnabled(ApiClient node, boolean enabled) {
        return node.send(node.request("/api/v1/tokens/" + caller.tokenId())
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")));
    }

    @Test
    void the_failure_throttle_holds_for_the_cluster_fifteen_failures_on_each_node_then_429_on_either()
            throws Exception {
        var onA = new ApiClient(portA);
        var onB = new ApiClient(nodeB.port(), java.net.InetAddress.getByName(onA.address()));
        for (int i = 0; i < 15; i++) {
            assertThat(onA.get(ME, randomToken()).statusCode()).isEqualTo(401);
            assertThat(onB.get(ME, randomToken()).statusCode()).isEqualTo(401);
        }

        var thirtyFirst = onA.get(ME, randomToken());
        assertThat(thirtyFirst.statusCode()).isEqualTo(429);
        assertThat(thirtyFirst.headers().firstValue("Retry-After")).isPresent();
        assertThat(onB.get(ME, randomToken()).statusCode()).isEqualTo(429);
        assertThat(onB.get(ME, caller.bearer()).statusCode())
                .as("a real token still gets in from the throttled address")
                .isEqualTo(200);
        assertThat(new ApiClient(nodeB.port()).get(ME, randomToken()).statusCode())
                .as("another address is not throttled")
                .isEqualTo(401);
    }

    private static String randomToken() {
        return "Bearer "
                + io.tokenkeeper.domain.token.TokenSecret.generate(new java.security.SecureRandom())
                        .reveal();
    }

    private static HttpResponse<String> refusedWithin1Second(ApiClient node, String authorization) {
        return Polling.within1Second(() -> node.get(ME, authorization), response -> response.statusCode() == 401);
    }
}
