package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.token.TokenSecret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that keeps failing is throttled; everyone else, the token's owner included, is not, and a real token is
 * never refused, even from a throttled address.
 */
@ApplicationTest
class ApiThrottleHttpTest {

    private static final String ME = "/api/v1/me";
    private static final int ALLOWED_FAILURES = 30;

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    RequestThreadStatements queries;

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_client_sending_random_tokens_gets_429_while_the_owner_elsewhere_keeps_working() {
        var owner = testData.aCaller();
        var coldToken = testData.aTokenFor(owner.user(), null);
        var ownerClient = new ApiClient(port);
        var attacker = new ApiClient(port);
        assertThat(ownerClient.get(ME, owner.bearer()).statusCode()).isEqualTo(200);

        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            assertThat(attacker.get(ME, randomToken()).statusCode()).isEqualTo(401);
        }
        var throttled = attacker.get(ME, randomToken());

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 180L));
        assertThat(throttled.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(attacker.get(ME, "Bearer malformed").statusCode()).isEqualTo(429);

        assertThat(ownerClient.get(ME, owner.bearer()).statusCode()).isEqualTo(200);
        assertThat(ownerClient.get(ME, ApiTestData.bearer(coldToken)).statusCode())
                .isEqualTo(200);
        assertThat(new ApiClient(port).get(ME, randomToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_throttled_client_still_gets_in_with_a_token_this_node_already_verified() {
        var owner = testData.aCaller();
        var sharedAddress = new ApiClient(port);
        // Warm: creating the owner notified every node, which may evict the first lookup once.
        long warmUpCost = Polling.within1Second(
                () -> {
                    long before = queries.executed();
                    assertThat(sharedAddress.get(ME, owner.bearer()).statusCode())
                            .isEqualTo(200);
                    return queries.executed() - before;
                },
                cost -> cost == 0);
        assertThat(warmUpCost).isZero();

        for (int i = 0; i <= ALLOWED_FAILURES; i++) {
            sharedAddress.get(ME, randomToken());
        }

        assertThat(sharedAddress.get(ME, randomToken()).statusCode()).isEqualTo(429);
        assertThat(sharedAddress.get(ME, owner.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_real_token_never_used_before_works_from_a_throttled_address_and_guesses_from_it_cost_no_query() {
        var owner = testData.aCaller();
        var neverUsed = testData.aTokenFor(owner.user(), null);
        var sharedAddress = new ApiClient(port);
        for (int i = 0; i <= ALLOWED_FAILURES; i++) {
            sharedAddress.get(ME, randomToken());
        }
        assertThat(sharedAddress.get(ME, randomToken()).statusCode()).isEqualTo(429);

        assertThat(sharedAddress.get(ME, ApiTestData.bearer(neverUsed)).statusCode())
                .isEqualTo(200);
        var createdWhileThrottled = testData.aTokenFor(owner.user(), null);
        assertThat(Polling.within1Second(
                        () -> sharedAddress
                                .get(ME, ApiTestData.bearer(createdWhileThrottled))
                                .statusCode(),
                        status -> status == 200))
                .isEqualTo(200);
        long guessCost = Polling.within1Second(
                () -> {
                    long before = queries.executed();
                    assertThat(sharedAddress.get(ME, randomToken()).statusCode())
                            .isEqualTo(429);
                    return queries.executed() - before;
                },
                cost -> cost == 0);
        assertThat(guessCost)
                .as("a guess from a throttled address is answered from memory")
                .isZero();
    }

    @Test
    void failed_authentications_carry_the_remaining_allowance_as_ratelimit_fields_and_a_valid_call_does_not() {
        var owner = testData.aCaller();
        var client = new ApiClient(port);

        var first = client.get(ME, randomToken());
        var second = client.get(ME, "Bearer malformed");
        for (int i = 2; i < ALLOWED_FAILURES; i++) {
            assertThat(client.get(ME, randomToken()).statusCode()).isEqualTo(401);
        }
        var throttled = client.get(ME, randomToken());
        var valid = new ApiClient(port).get(ME, owner.bearer());

        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"failed-auth\";q=30;w=180");
        assertThat(first.headers().firstValue("RateLimit")).hasValue("\"failed-auth\";r=29;t=6");
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.headers().firstValue("RateLimit"))
                .hasValueSatisfying(fields -> assertThat(fields).startsWith("\"failed-auth\";r=28;t="));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("RateLimit-Policy")).hasValue("\"failed-auth\";q=30;w=180");
        assertThat(throttled.headers().firstValue("RateLimit"))
                .hasValueSatisfying(fields -> assertThat(fields).matches("\"failed-auth\";r=0;t=\\d+"));
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.headers().firstValue("RateLimit")).isEmpty();
        assertThat(valid.headers().firstValue("RateLimit-Policy")).isEmpty();
    }

    private String randomToken() {
        return "Bearer " + TokenSecret.generate(random).reveal();
    }
}
