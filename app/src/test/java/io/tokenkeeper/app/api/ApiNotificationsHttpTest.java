package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.base.TestClock;
import io.tokenkeeper.domain.notification.ExpiryReminders;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Notifications, reminders, canaries and the calendar feed, over real HTTP. */
@ApplicationTest
class ApiNotificationsHttpTest {

    private static final String NOTIFICATIONS = "/api/v1/notifications";
    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    @Autowired
    ExpiryReminders reminders;

    @Autowired
    TokenService tokens;

    @Autowired
    RequestThreadStatements queries;

    @Autowired
    TestClock clock;

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
    void letTheClockRun() {
        clock.run();
    }

    @Test
    void an_administrator_disabling_a_token_notifies_its_owner_who_marks_it_read_and_nobody_else_sees_it() {
        var admin = testData.anAdministrator();
        var other = testData.aTokenFor(caller.user(), null);
        var disabled = api.send(
                api.request("/api/v1/admin/tokens/" + other.token().id().value())
                        .header("Authorization", admin.bearer())
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
        assertThat(disabled.statusCode()).isEqualTo(200);

        var mine = ApiClient.json(api.get(NOTIFICATIONS, caller.bearer()));
        assertThat(mine.at("/unread").asInt()).isEqualTo(1);
        var notice = mine.at("/notifications/0");
        assertThat(notice.at("/kind").asString()).isEqualTo("CHANGED_BY_ADMINISTRATOR");
        assertThat(notice.at("/message").asString())
                .contains(other.token().hint().value())
                .doesNotContain(other.secret().reveal());
        assertThat(ApiClient.json(api.get(NOTIFICATIONS, admin.bearer()))
                        .at("/notifications")
                        .toString())
                .doesNotContain(other.token().hint().value());

        var read = post(NOTIFICATIONS + "/" + notice.at("/id").asLong() + "/read", caller.bearer());
        assertThat(read.statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(api.get(NOTIFICATIONS, caller.bearer()))
                        .at("/unread")
                        .asInt())
                .isZero();
    }

    @Test
    void a_token_used_from_a_new_address_notifies_its_owner_with_the_address() {
        assertThat(api.get(ME, caller.bearer()).statusCode()).isEqualTo(200);
        Polling.within1Second(
                () -> dsl.fetchValue("select last_used_ip from api_token where id = ?", caller.tokenId()),
                ip -> ip != null);
        var elsewhere = new ApiClient(port);

        assertThat(elsewhere.get(ME, caller.bearer()).statusCode()).isEqualTo(200);

        var notice = Polling.within1Second(() -> notifications(caller, "NEW_ADDRESS"), list -> !list.isEmpty());
        assertThat(notice)
                .singleElement()
                .satisfies(node -> assertThat(node.at("/address").asString()).isEqualTo(elsewhere.address()));
    }

    @Test
    void reminders_go_out_once_per_lead_time_the_nearest_only_and_again_after_the_expiry_moved() {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(now);
        var expiring =
                testData.aTokenFor(caller.user(), now.plus(Duration.ofDays(5)).plusSeconds(60));

        reminders.run();
        reminders.run();

        assertThat(notifications(caller, "EXPIRES_SOON"))
                .singleElement()
                .satisfies(node -> assertThat(node.at("/title").asString()).startsWith("Token expires in 5 days"));

        clock.stopAt(now.plus(Duration.ofDays(4)).plusSeconds(120));
        reminders.run();
        assertThat(notifications(caller, "EXPIRES_SOON")).hasSize(2);

        clock.stopAt(now.plus(Duration.ofDays(6)));
        reminders.run();
        assertThat(notifications(caller, "EXPIRED")).singleElement().satisfies(node -> assertThat(
                        node.at("/tokenId").asLong())
                .isEqualTo(expiring.token().id().value()));
    }

    @Test
    void the_old_value_of_a_rotation_is_announced_once_when_it_stops() {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(now);
        var rotated = post("/api/v1/tokens/self/rotate", caller.bearer(), "{\"overlap\":\"ONE_HOUR\"}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        var newBearer = "Bearer " + ApiClient.json(rotated).at("/value").asString();
        reminders.run();
        assertThat(notifications(newBearer, "OLD_VALUE_RETIRED")).isEmpty();

        clock.stopAt(now.plus(Duration.ofHours(2)));
        reminders.run();
        reminders.run();

        assertThat(notifications(newBearer, "OLD_VALUE_RETIRED"))
                .singleElement()
                .satisfies(node -> assertThat(node.at("/message").asString())
                        .contains(caller.token().token().hint().value()));
    }

    @Test
    void a_canary_never_authenticates_answers_like_an_unknown_token_and_alerts_its_owner_and_administrators() {
        var admin = testData.anAdministrator();
        var created = post("/api/v1/tokens/canaries", caller.bearer(), "{\"name\":\"AWS backup key\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var canary = "Bearer " + ApiClient.json(created).at("/value").asString();
        var unknown = "Bearer "
                + io.tokenkeeper.domain.token.TokenSecret.generate(new java.security.SecureRandom())
                        .reveal();
        var thief = new ApiClient(port);

        long before = queries.executed();
        var refused = thief.send(thief.request("/api/v1/tokens?page=2")
                .header("Authorization", canary)
                .header("User-Agent", "python-requests/2.31")
                .GET());
        long canaryCost = queries.executed() - before;
        before = queries.executed();
        var unknownAnswer = thief.get("/api/v1/tokens?page=2", unknown);
        long unknownCost = queries.executed() - before;

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(unknownAnswer.body());
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(unknownAnswer.headers().firstValue("WWW-Authenticate"));
        assertThat(canaryCost)
                .as("statements on the request thread, as for an unknown value")
                .isEqualTo(unknownCost);
        assertThat(thief.get(ME, canary).statusCode()).isEqualTo(401);

        var ownerAlert = Polling.within1Second(() -> notifications(caller, "CANARY_USED"), list -> !list.isEmpty());
        assertThat(ownerAlert).isNotEmpty();
        assertThat(ownerAlert.getLast().at("/message").asString())
                .contains(thief.address())
                .contains("python-requests/2.31")
                .contains("GET /api/v1/tokens")
                .doesNotContain("page=2");
        assertThat(notifications(admin, "CANARY_USED")).isNotEmpty();
        var audited = Polling.within1Second(
                () -> dsl.fetchCount(dsl.selectFrom("audit_event")
                        .where("action = 'CANARY_TOKEN_USED' and client_address = ?", thief.address())),
                count -> count == 2);
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void the_calendar_feed_lists_expiries_for_a_token_that_may_read_and_refuses_one_that_may_not() {
        var expiry = Instant.parse("2031-05-04T10:00:00Z");
        testData.aTokenFor(caller.user(), expiry);
        var writeOnly = tokens.generate(
                new Actor(caller.user(), null),
                new TokenRequest("Writer", null, List.of("tokenkeeper:write"), List.of()));

        var feed = api.get("/api/v1/calendar/expiries.ics", caller.bearer());
        var refused = api.get("/api/v1/calendar/expiries.ics", ApiTestData.bearer(writeOnly));

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(feed.body())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("DTSTART:20310504T100000Z\r\n")
                .contains("BEGIN:VEVENT")
                .contains("SUMMARY:API token")
                .endsWith("END:VCALENDAR\r\n")
                .doesNotContain(caller.value());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private List<JsonNode> notifications(ApiTestData.Caller who, String kind) {
        return notifications(who.bearer(), kind);
    }

    private List<JsonNode> notifications(String bearer, String kind) {
        var body = ApiClient.json(api.get(NOTIFICATIONS, bearer));
        return StreamSupport.stream(body.at("/notifications").spliterator(), false)
                .filter(node -> node.at("/kind").asString().equals(kind))
                .toList();
    }

    private HttpResponse<String> post(String path, String authorization) {
        return post(path, authorization, "");
    }

    private HttpResponse<String> post(String path, String authorization, String json) {
        var request = api.request(path).header("Authorization", authorization);
        if (!json.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
