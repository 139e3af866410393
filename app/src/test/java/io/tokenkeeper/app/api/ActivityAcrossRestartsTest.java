package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tokenkeeper.ApplicationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uses summed in memory survive a node's orderly restart, counted exactly once. */
@ApplicationTest
class ActivityAcrossRestartsTest {

    /** The pool over the node's embedded PostgreSQL, which the other node shares. */
    @Autowired
    HikariDataSource database;

    @Autowired
    ApiTestData testData;

    @Autowired
    DSLContext dsl;

    @Test
    void a_node_that_stops_writes_what_it_summed_and_the_next_one_adds_to_it_without_double_counting() {
        var caller = testData.aCaller();
        var jdbcUrl = database.getJdbcUrl();
        // A flush period longer than the test: only stopping the node writes the uses.
        try (var node = OtherNode.start(jdbcUrl, "--tokenkeeper.activity.flush=1h")) {
            var client = new ApiClient(node.port());
            for (int i = 0; i < 7; i++) {
                assertThat(client.get("/api/v1/me", caller.bearer()).statusCode())
                        .isEqualTo(200);
            }
            assertThat(callsOf(caller)).isZero();
        }
        assertThat(callsOf(caller)).isEqualTo(7);

        try (var node = OtherNode.start(jdbcUrl, "--tokenkeeper.activity.flush=1h")) {
            var client = new ApiClient(node.port());
            for (int i = 0; i < 4; i++) {
                assertThat(client.get("/api/v1/me", caller.bearer()).statusCode())
                        .isEqualTo(200);
            }
        }
        assertThat(callsOf(caller)).isEqualTo(11);
    }

    private long callsOf(ApiTestData.Caller caller) {
        var sum = dsl.fetchValue(
                "select coalesce(sum(calls), 0) from token_daily_calls where token_id = ?", caller.tokenId());
        return ((Number) sum).longValue();
    }
}
