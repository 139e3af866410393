package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.token.TokenSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The application on a PostgreSQL of its own that the test then stops: the API answers 503, never 200 and never an
 * unauthenticated pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDatabaseDownTest {

    private static final String ME = "/api/v1/me";

    private EmbeddedPostgres postgres;
    private OtherNode node;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        node = OtherNode.start(
                postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.hikari.connection-timeout=1000");
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void with_the_database_gone_only_warm_tokens_read_me_and_everything_else_gets_503_or_401() throws Exception {
        var testData = node.bean(ApiTestData.class);
        var warm = testData.aCaller();
        var cold = testData.aCaller();
        var api = new ApiClient(node.port());
        assertThat(api.get(ME, warm.bearer()).statusCode()).isEqualTo(200);

        postgres.close();

        var unknown = "Bearer " + TokenSecret.generate(new SecureRandom()).reveal();
        Polling.within1Second(() -> api.get(ME, cold.bearer()), r -> r.statusCode() == 503);
        assertThat(api.get(ME, warm.bearer()).statusCode()).isEqualTo(200);
        for (var response :
                List.of(api.get(ME, cold.bearer()), api.get(ME, unknown), api.get("/api/v1/tokens", warm.bearer()))) {
            assertUnavailable(response);
        }
        assertThat(api.get(ME, "Bearer malformed").statusCode()).isEqualTo(401);
        assertThat(api.getAnonymously(ME).statusCode()).isEqualTo(401);
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("select")
                .doesNotContain("SQL");
    }
}
