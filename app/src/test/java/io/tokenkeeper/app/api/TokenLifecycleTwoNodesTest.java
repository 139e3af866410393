package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.notification.ExpiryReminders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A token's lifecycle seen by two application instances on one database. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenLifecycleTwoNodesTest {

    private static final String ME = "/api/v1/me";

    @RegisterExtension
    static final SecondNode nodeB = SecondNode.forApi();

    @LocalServerPort
    int portA;

    @Autowired
    ApiTestData testData;

    @Autowired
    ExpiryReminders reminders;

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
    void a_value_regenerated_without_overlap_on_node_a_is_refused_by_node_b_within_a_second() {
        var value = rotate(a, "NONE");

        assertThat(a.get(ME, caller.bearer()).statusCode()).isEqualTo(401);
        assertThat(Polling.within1Second(() -> b.get(ME, caller.bearer()), r -> r.statusCode() == 401)
                        .statusCode())
                .isEqualTo(401);
        assertThat(b.get(ME, "Bearer " + value).statusCode()).isEqualTo(200);
    }

    @Test
    void the_first_use_of_the_new_value_on_node_b_ends_the_overlap_on_node_a_within_a_second() {
        var value = rotate(a, "UNTIL_FIRST_USE");
        assertThat(a.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        assertThat(b.get(ME, caller.bearer()).statusCode()).isEqualTo(200);

        assertThat(b.get(ME, "Bearer " + value).statusCode()).isEqualTo(200);

        assertThat(Polling.within1Second(() -> a.get(ME, caller.bearer()), r -> r.statusCode() == 401)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Polling.within1Second(() -> b.get(ME, caller.bearer()), r -> r.statusCode() == 401)
                        .statusCode())
                .isEqualTo(401);
        assertThat(a.get(ME, "Bearer " + value).statusCode()).isEqualTo(200);
    }

    @Test
    void two_nodes_racing_send_each_reminder_exactly_once() throws Exception {
        var soon = Instant.now().plus(Duration.ofDays(3));
        var due = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            due.add(testData.aTokenFor(caller.user(), soon).token().id().value());
        }
        var reminderA = reminders;
        var reminderB = nodeB.bean(ExpiryReminders.class);
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var runs = new ArrayList<Future<Integer>>();
            for (var job : List.of(reminderA, reminderB, reminderA, reminderB)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.run();
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        }

        for (long token : due) {
            assertThat(dsl.fetchCount(
                            dsl.selectFrom("notification").where("kind = 'EXPIRES_SOON' and token_id = ?", token)))
                    .as("reminders of token %d", token)
                    .isEqualTo(1);
        }
    }

    @Test
    void a_canary_used_on_node_b_alerts_its_owner_seen_through_node_a() {
        var created = a.send(a.request("/api/v1/tokens/canaries")
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Decoy\"}")));
        var canary = "Bearer " + ApiClient.json(created).at("/value").asString();

        assertThat(b.get(ME, canary).statusCode()).isEqualTo(401);

        var alerts = Polling.within1Second(
                () -> ApiClient.json(a.get("/api/v1/notifications", caller.bearer()))
                        .at("/notifications")
                        .toString(),
                text -> text.contains("CANARY_USED"));
        assertThat(alerts).contains("CANARY_USED").contains(b.address());
        assertThat(a.get(ME, canary).statusCode()).isEqualTo(401);
    }

    private String rotate(ApiClient node, String overlap) {
        HttpResponse<String> response = node.send(node.request("/api/v1/tokens/self/rotate")
                .header("Authorization", caller.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"overlap\":\"" + overlap + "\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.json(response).at("/value").asString();
    }
}
