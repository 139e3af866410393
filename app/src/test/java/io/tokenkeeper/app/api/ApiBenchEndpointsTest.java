package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The load benchmark's endpoints ({@code tokenkeeper.bench.twin-endpoint=true}): absent by default; when switched on
 * (on a second node over the same database), the twin answers exactly what {@code /api/v1/me} answers.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBenchEndpointsTest {

    private static final String ME = "/api/v1/me";
    private static final String TWIN = "/api/bench/me-unauthenticated";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ApiTestData testData;

    private OtherNode benchNode;

    @BeforeAll
    void startABenchNode() {
        benchNode =
                OtherNode.start(postgres.getJdbcUrl("postgres", "postgres"), "--" + BenchEndpoints.PROPERTY + "=true");
    }

    @AfterAll
    void stopTheBenchNode() {
        if (benchNode != null) {
            benchNode.close();
        }
    }

    @Test
    void by_default_there_is_no_twin_no_query_counter_and_no_token_for_a_password() {
        var caller = testData.aCaller();
        var api = new ApiClient(port);

        assertThat(context.getBeansOfType(BenchEndpoints.class)).isEmpty();
        assertThat(context.getBeansOfType(BenchQueryCounter.class)).isEmpty();
        assertThat(api.getAnonymously(TWIN).statusCode()).isEqualTo(401);
        assertThat(api.get(TWIN, caller.bearer()).statusCode()).isEqualTo(404);
        assertThat(api.getAnonymously("/api/bench/queries").statusCode()).isEqualTo(401);
        assertThat(signIn(api, caller.username(), UserTestData.PASSWORD).statusCode())
                .isEqualTo(401);
    }

    @Test
    void switched_on_the_twin_answers_what_the_authenticated_handler_answers_without_a_token() {
        var api = new ApiClient(benchNode.port());
        var caller = testData.aCaller();

        var created = signIn(api, caller.username(), UserTestData.PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        var value = ApiClient.json(created).at("/value").asString();

        var authenticated = api.get(ME, "Bearer " + value);
        var twin = api.getAnonymously(TWIN);

        assertThat(authenticated.statusCode()).isEqualTo(200);
        assertThat(twin.statusCode()).isEqualTo(200);
        assertThat(twin.body()).isEqualTo(authenticated.body());
        assertThat(ApiClient.json(twin).at("/token/id").asLong())
                .isEqualTo(ApiClient.json(created).at("/id").asLong());
        assertThat(signIn(api, caller.username(), "wrong password").statusCode())
                .isEqualTo(401);
    }

    @Test
    void switched_on_the_query_counter_shows_that_warm_requests_run_no_query() {
        var api = new ApiClient(benchNode.port());
        var caller = testData.aCaller();
        Polling.within1Second(
                () -> {
                    long before = requestThreadQueries(api);
                    api.get(ME, caller.bearer());
                    return requestThreadQueries(api) - before;
                },
                cost -> cost == 0);

        long before = requestThreadQueries(api);
        for (int i = 0; i < 20; i++) {
            assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        }
        long after = requestThreadQueries(api);

        assertThat(after - before).isZero();
        var cold = testData.aCaller();
        assertThat(api.get(ME, cold.bearer()).statusCode()).isEqualTo(200);
        assertThat(requestThreadQueries(api)).isGreaterThan(after);
    }

    private static long requestThreadQueries(ApiClient api) {
        var response = api.getAnonymously("/api/bench/queries");
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.json(response).at("/onRequestThreads").asLong();
    }

    private static HttpResponse<String> signIn(ApiClient api, String username, String password) {
        return api.send(api.request("/api/bench/tokens")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }
}
