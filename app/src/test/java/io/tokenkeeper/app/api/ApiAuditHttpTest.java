package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.api.cache.BackgroundWork;
import io.tokenkeeper.domain.token.TokenSecret;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What API use leaves in the audit trail: a token used from a new address, and a throttled address, each once per
 * interval rather than once per request. Both are written in the background; a test waits for the background work it
 * caused by queueing a marker behind it.
 */
@ApplicationTest
class ApiAuditHttpTest {

    private static final String ME = "/api/v1/me";
    private static final int ALLOWED_FAILURES = 30;

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    DSLContext dsl;

    @Autowired
    BackgroundWork background;

    @Test
    void a_token_used_from_a_new_address_is_audited_once_per_address() throws InterruptedException {
        var caller = testData.aCaller();
        var home = new ApiClient(port);
        var elsewhere = new ApiClient(port);
        var third = new ApiClient(port);

        assertThat(home.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        backgroundWorkDone();
        assertThat(newAddressEvents(caller)).isEmpty();

        for (int i = 0; i < 3; i++) {
            assertThat(elsewhere.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
            assertThat(home.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        }
        backgroundWorkDone();
        assertThat(newAddressEvents(caller)).containsExactly(elsewhere.address());

        assertThat(third.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        backgroundWorkDone();
        assertThat(newAddressEvents(caller)).containsExactlyInAnyOrder(elsewhere.address(), third.address());
    }

    @Test
    void a_throttled_address_is_audited_once_per_throttle_period_not_per_request() throws InterruptedException {
        var attacker = new ApiClient(port);
        var random = new SecureRandom();
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            attacker.get(ME, "Bearer " + TokenSecret.generate(random).reveal());
        }
        backgroundWorkDone();
        assertThat(throttleEvents(attacker)).isZero();

        for (int i = 0; i < 10; i++) {
            assertThat(attacker.get(ME, "Bearer " + TokenSecret.generate(random).reveal())
                            .statusCode())
                    .isEqualTo(429);
        }
        backgroundWorkDone();

        assertThat(throttleEvents(attacker)).isEqualTo(1);
        var details = dsl.fetchOne(
                        "select details from audit_event where action = 'API_THROTTLED' and client_address = ?",
                        attacker.address())
                .get(0, String.class);
        assertThat(details).contains("30 failed API authentications within 3 minutes");
    }

    @Test
    void a_token_made_with_an_api_token_is_audited_with_that_token_s_hint_and_address() {
        var caller = testData.aCaller();
        var client = new ApiClient(port);

        var created = client.send(client.request("/api/v1/tokens")
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"minted by a token\"}")));

        assertThat(created.statusCode()).isEqualTo(201);
        var details = dsl.fetchOne(
                        "select details from audit_event where action = 'TOKEN_CREATED' and details like ?",
                        "%minted by a token%")
                .get(0, String.class);
        assertThat(details)
                .contains("made with the API token "
                        + caller.token().token().hint().value())
                .contains("from " + client.address());
    }

    /** Everything queued on the single background thread before now has run. */
    private void backgroundWorkDone() throws InterruptedException {
        var marker = new CountDownLatch(1);
        assertThat(background.submit("mark the end of a test's background work", marker::countDown))
                .isTrue();
        assertThat(marker.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private List<String> newAddressEvents(ApiTestData.Caller caller) {
        return dsl.fetch(
                        "select client_address from audit_event where action = 'TOKEN_USED_FROM_NEW_ADDRESS'"
                                + " and target_type = 'token' and target_id = ?",
                        Long.toString(caller.tokenId()))
                .getValues(0, String.class);
    }

    private int throttleEvents(ApiClient client) {
        return dsl.fetchOne(
                        "select count(*) from audit_event where action = 'API_THROTTLED' and client_address = ?",
                        client.address())
                .get(0, Integer.class);
    }
}
