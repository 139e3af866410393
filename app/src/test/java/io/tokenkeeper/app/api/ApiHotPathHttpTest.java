package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.token.TokenSecret;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cost of authentication, as the application's own statement counter ({@code tokenkeeper.db.statements}) sees it
 * on request threads: no query for a warm token, one for a cold one, none at all for a malformed one.
 */
@ApplicationTest
class ApiHotPathHttpTest {

    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    RequestThreadStatements queries;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        // The trusted IP ranges are read on the first request after a while without any; that is not the token's cost.
        var warm = testData.aCaller();
        Polling.within1Second(() -> cost(() -> api.get(ME, warm.bearer())), cost -> cost == 0);
    }

    @Test
    void a_warm_token_authenticates_without_a_single_query() {
        var caller = testData.aCaller();
        // Creating the user and the token notified every node; that may still evict the first lookup once.
        long warmUpCost = Polling.within1Second(() -> cost(() -> api.get(ME, caller.bearer())), cost -> cost == 0);
        assertThat(warmUpCost).isZero();

        long cost = cost(() -> {
            for (int i = 0; i < 20; i++) {
                assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
            }
        });

        assertThat(cost).isZero();
    }

    @Test
    void a_cold_token_costs_one_query() {
        var caller = testData.aCaller();

        long before = queries.executed();
        var response = api.get(ME, caller.bearer());
        long after = queries.executed();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(after - before).isEqualTo(1);
    }

    /**
     * A failure costs the one statement that counts it in the cluster's shared throttle bucket (so that the limit
     * holds across nodes); an unknown well-formed value costs its lookup besides; a malformed one nothing more.
     */
    @Test
    void a_malformed_token_costs_only_the_shared_failure_count_and_an_unknown_one_its_lookup_too() {
        var value = TokenSecret.generate(new SecureRandom()).reveal();

        long before = queries.executed();
        for (var malformed :
                new String[] {"Bearer x", "Bearer " + value + "x", "Bearer " + value.substring(0, 41) + "!"}) {
            assertThat(api.get(ME, malformed).statusCode()).isEqualTo(401);
        }
        assertThat(queries.executed() - before).isEqualTo(3);

        assertThat(api.get(ME, "Bearer " + value).statusCode()).isEqualTo(401);
        assertThat(queries.executed() - before).isEqualTo(5);
    }

    /** The statements that {@code requests} ran on request threads. */
    private long cost(Runnable requests) {
        long before = queries.executed();
        requests.run();
        return queries.executed() - before;
    }
}
