package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.token.TokenSecret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy's trusted IP ranges: a credential from elsewhere gets 403, whatever it is; an empty list lets every
 * address in. Changes reach the API's cached policy through PostgreSQL NOTIFY within a second.
 */
@ApplicationTest
class ApiTrustedRangesHttpTest {

    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    RequestThreadStatements queries;

    private ApiClient inside;
    private ApiClient outside;
    private ApiTestData.Caller caller;

    @BeforeEach
    void setUp() {
        inside = new ApiClient(port);
        outside = new ApiClient(port);
        caller = testData.aCaller();
    }

    @AfterEach
    void trustEveryAddressAgain() {
        testData.trustOnly();
        var admitted =
                Polling.within1Second(() -> outside.get(ME, caller.bearer()), response -> response.statusCode() == 200);
        assertThat(admitted.statusCode()).isEqualTo(200);
    }

    @Test
    void a_valid_token_from_outside_the_trusted_ranges_gets_a_403_problem() {
        testData.trustOnly(inside.address(), "2001:db8::/32");

        var refused = refusedWithin1Second(outside);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.json(refused).at("/detail").asString())
                .isEqualTo("Calls from this address are not allowed.");
        assertThat(refused.headers().allValues("WWW-Authenticate")).isEmpty();
        assertThat(refused.body()).doesNotContain(caller.value());
        assertThat(inside.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void from_outside_every_well_formed_token_gets_the_same_403_without_a_lookup_so_it_reveals_nothing() {
        testData.trustOnly(inside.address());
        var valid = refusedWithin1Second(outside);
        var unknown = "Bearer " + TokenSecret.generate(new SecureRandom()).reveal();

        long before = queries.executed();
        var responses =
                List.of(outside.get(ME, unknown), outside.get(ME, ApiTestData.basic("someone", caller.value())));
        long cost = queries.executed() - before;

        for (var response : responses) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo(valid.body());
        }
        assertThat(cost).isZero();
        // Without a well-formed token there is nothing to refuse for its address: the usual 401.
        assertThat(outside.get(ME, "Bearer nonsense").statusCode()).isEqualTo(401);
        assertThat(outside.getAnonymously(ME).statusCode()).isEqualTo(401);
    }

    @Test
    void a_cidr_range_admits_every_address_in_it_and_no_other() {
        var inRange = new ApiClient(port, address(127, 0, 240, 9));
        var nextRange = new ApiClient(port, address(127, 0, 241, 9));
        testData.trustOnly("127.0.240.0/24");

        assertThat(refusedWithin1Second(nextRange).statusCode()).isEqualTo(403);
        assertThat(inRange.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(new ApiClient(port, address(127, 0, 240, 200))
                        .get(ME, caller.bearer())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void x_forwarded_for_does_not_make_a_client_trusted_unless_a_trusted_proxy_sent_it() {
        testData.trustOnly(inside.address());
        refusedWithin1Second(outside);

        var spoofed = outside.send(outside.request(ME)
                .header("Authorization", caller.bearer())
                .header("X-Forwarded-For", inside.address())
                .GET());

        assertThat(spoofed.statusCode()).isEqualTo(403);
    }

    @Test
    void an_empty_list_lets_every_address_in_again_within_a_second() {
        testData.trustOnly(inside.address());
        assertThat(refusedWithin1Second(outside).statusCode()).isEqualTo(403);

        testData.trustOnly();

        var admitted =
                Polling.within1Second(() -> outside.get(ME, caller.bearer()), response -> response.statusCode() == 200);
        assertThat(admitted.statusCode()).isEqualTo(200);
    }

    @Test
    void with_ranges_a_warm_request_still_needs_no_query() {
        testData.trustOnly(inside.address(), "198.51.100.0/24");
        refusedWithin1Second(outside);
        long warmUpCost = Polling.within1Second(
                () -> {
                    long before = queries.executed();
                    assertThat(inside.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
                    return queries.executed() - before;
                },
                cost -> cost == 0);
        assertThat(warmUpCost).isZero();

        long before = queries.executed();
        for (int i = 0; i < 20; i++) {
            assertThat(inside.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        }

        assertThat(queries.executed() - before).isZero();
    }

    private HttpResponse<String> refusedWithin1Second(ApiClient client) {
        var refused =
                Polling.within1Second(() -> client.get(ME, caller.bearer()), response -> response.statusCode() == 403);
        assertThat(refused.statusCode()).isEqualTo(403);
        return refused;
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
