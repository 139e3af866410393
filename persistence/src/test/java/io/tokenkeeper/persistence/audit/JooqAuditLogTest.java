package io.tokenkeeper.persistence.audit;

import static io.tokenkeeper.persistence.audit.AuditTestData.NOW;
import static io.tokenkeeper.persistence.audit.AuditTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqAuditLogTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqAuditLog audit = new JooqAuditLog(dsl);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void records_events_and_lists_the_newest_first() {
        var first = event(Instant.parse("2026-11-28T10:00:00Z"), AuditAction.SIGN_IN_SUCCEEDED, "Signed in");
        var second = event(Instant.parse("2026-11-28T10:05:00Z"), AuditAction.PROFILE_CHANGED, "Changed email");

        audit.record(first);
        audit.record(second);

        assertThat(audit.search(AuditFilter.ALL, 0, 10)).containsExactly(second, first);
        assertThat(audit.search(AuditFilter.ALL, 0, 1)).containsExactly(second);
    }

    @Test
    void clips_overlong_details_instead_of_failing_the_action() {
        audit.record(event(Instant.parse("2026-11-28T10:00:00Z"), AuditAction.PROFILE_CHANGED, "x".repeat(5000)));

        var details = audit.search(AuditFilter.ALL, 0, 1).getFirst().details();
        assertThat(details).hasSize(2000).endsWith("…");
    }

    @Test
    void search_sorts_newest_first_and_the_later_recorded_first_within_the_same_instant() {
        var older = record(anEvent().at(NOW.minusSeconds(60)).details("older"));
        var first = record(anEvent().at(NOW).details("recorded first"));
        var second = record(anEvent().at(NOW).details("recorded second"));
        var newest = record(anEvent().at(NOW.plusMillis(1)).details("newest"));

        assertThat(audit.search(AuditFilter.ALL, 0, 10)).containsExactly(newest, second, first, older);
    }

    @Test
    void search_returns_one_page_and_count_counts_every_match() {
        var events = new ArrayList<AuditEvent>();
        for (int i = 0; i < 7; i++) {
            events.addFirst(record(anEvent().at(NOW.plusSeconds(i)).details("event " + i)));
        }

        assertThat(audit.search(AuditFilter.ALL, 0, 3)).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(audit.search(AuditFilter.ALL, 3, 3)).containsExactlyElementsOf(events.subList(3, 6));
        assertThat(audit.search(AuditFilter.ALL, 6, 3)).containsExactlyElementsOf(events.subList(6, 7));
        assertThat(audit.search(AuditFilter.ALL, 7, 3)).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 0)).isEmpty();
        assertThat(audit.count(AuditFilter.ALL, 100)).isEqualTo(7);
    }

    @Test
    void count_stops_counting_at_the_bound_it_is_given() {
        for (int i = 0; i < 5; i++) {
            record(anEvent().by("alice").at(NOW.plusSeconds(i)));
        }
        record(anEvent().by("bob"));
        var alice = new AuditFilter("alice", null, null, null, null);

        assertThat(audit.count(alice, 3)).isEqualTo(3);
        assertThat(audit.count(alice, 5)).isEqualTo(5);
        assertThat(audit.count(alice, 6)).isEqualTo(5);
        assertThat(audit.count(AuditFilter.ALL, 0)).isZero();
    }

    @Test
    void filters_by_the_start_of_the_actors_name_ignoring_case() {
        var alice = record(anEvent().by("alice").at(NOW));
        var alicia = record(anEvent().by("Alicia").at(NOW.plusSeconds(1)));
        record(anEvent().by("malice"));
        record(anEvent().by("bob"));
        record(anEvent().by(AuditEvent.SYSTEM));

        assertMatches(new AuditFilter("ALI", null, null, null, null), alicia, alice);
        assertMatches(new AuditFilter("alice", null, null, null, null), alice);
        assertMatches(new AuditFilter("alicex", null, null, null, null));
    }

    @Test
    void filters_by_action() {
        var revoked = record(anEvent().action(AuditAction.TOKEN_REVOKED).at(NOW));
        var revokedLater = record(anEvent().action(AuditAction.TOKEN_REVOKED).at(NOW.plusSeconds(5)));
        record(anEvent().action(AuditAction.TOKEN_DISABLED));
        record(anEvent().action(AuditAction.SIGN_IN_FAILED));

        assertMatches(new AuditFilter(null, AuditAction.TOKEN_REVOKED, null, null, null), revokedLater, revoked);
        assertMatches(new AuditFilter(null, AuditAction.USER_CREATED, null, null, null));
    }

    @Test
    void filters_by_the_start_of_the_targets_name_ignoring_case() {
        var deploy = record(anEvent().onToken("41", "CI deploy").at(NOW));
        var deployProd = record(anEvent().onToken("42", "ci DEPLOY prod").at(NOW.plusSeconds(1)));
        record(anEvent().onToken("43", "Nightly CI deploy"));
        record(anEvent().onUser(null, null));

        assertMatches(new AuditFilter(null, null, "Ci Dep", null, null), deployProd, deploy);
        assertMatches(new AuditFilter(null, null, "ci deploy p", null, null), deployProd);
    }

    @Test
    void filters_by_the_targets_exact_id_as_well_as_by_a_name_starting_with_those_digits() {
        var seven = record(anEvent().onUser("7", "alice").at(NOW));
        var sevenDays = record(anEvent().onToken("12", "7 day token").at(NOW.plusSeconds(1)));
        var seventy = record(anEvent().onToken("70", "seventy").at(NOW.plusSeconds(2)));
        record(anEvent().onToken("17", "seventeen"));

        assertMatches(new AuditFilter(null, null, "7", null, null), sevenDays, seven);
        assertMatches(new AuditFilter(null, null, "70", null, null), seventy);
    }

    @Test
    void filters_by_time_from_inclusive_to_exclusive() {
        var start = NOW.truncatedTo(ChronoUnit.DAYS);
        var end = start.plus(1, ChronoUnit.DAYS);
        record(anEvent().at(start.minusNanos(1000)).details("just before"));
        var atStart = record(anEvent().at(start).details("at the start"));
        var justBeforeEnd = record(anEvent().at(end.minusNanos(1000)).details("just before the end"));
        record(anEvent().at(end).details("at the end"));

        assertMatches(new AuditFilter(null, null, null, start, end), justBeforeEnd, atStart);
        assertThat(audit.count(new AuditFilter(null, null, null, start, null), 100))
                .isEqualTo(3);
        assertThat(audit.count(new AuditFilter(null, null, null, null, end), 100))
                .isEqualTo(3);
    }

    @Test
    void combines_filters_so_that_every_one_must_match() {
        var match =
                record(anEvent().by("alice").action(AuditAction.TOKEN_REVOKED).onToken("5", "deploy"));
        record(anEvent().by("bob").action(AuditAction.TOKEN_REVOKED).onToken("5", "deploy"));
        record(anEvent().by("alice").action(AuditAction.TOKEN_CREATED).onToken("5", "deploy"));
        record(anEvent().by("alice").action(AuditAction.TOKEN_REVOKED).onToken("6", "backup"));
        record(anEvent()
                .by("alice")
                .action(AuditAction.TOKEN_REVOKED)
                .onToken("5", "deploy")
                .at(NOW.plusSeconds(3600)));

        assertMatches(new AuditFilter("alice", AuditAction.TOKEN_REVOKED, "dep", NOW, NOW.plusSeconds(60)), match);
    }

    @Test
    void takes_percent_underscore_and_backslash_literally() {
        var percent = record(anEvent().onToken("1", "100% sure"));
        record(anEvent().onToken("2", "1000 times"));
        var underscore = record(anEvent().by("deploy_bot"));
        record(anEvent().by("deployXbot"));
        var backslash = record(anEvent().onToken("3", "C:\\keys"));
        record(anEvent().onToken("4", "C:keys"));

        assertMatches(new AuditFilter(null, null, "100%", null, null), percent);
        assertMatches(new AuditFilter(null, null, "%", null, null));
        assertMatches(new AuditFilter("deploy_", null, null, null, null), underscore);
        assertMatches(new AuditFilter("_", null, null, null, null));
        assertMatches(new AuditFilter(null, null, "C:\\", null, null), backslash);
        assertMatches(new AuditFilter(null, null, "C:\\k", null, null), backslash);
    }

    @Test
    void escapes_the_like_wildcards_and_its_escape_character() {
        assertThat(JooqAuditLog.escapeWildcards("a%b_c\\d")).isEqualTo("a\\%b\\_c\\\\d");
        assertThat(JooqAuditLog.escapeWildcards("plain")).isEqualTo("plain");
    }

    /**
     * With enough rows for the planner to care, each filter reads the index made for it, already in the grid's order:
     * no scan of the whole table, no sort of all matches.
     */
    @Test
    void each_filter_and_the_sort_read_an_index() {
        dsl.execute("""
                insert into audit_event (occurred_at, actor_name, action, target_type, target_id, target_name, details)
                select timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
                       'user' || (i % 5000), 'TOKEN_CREATED', 'token', (i % 20000)::text, 'token ' || i, 'Created'
                from generate_series(1, 60000) as i
                """);
        record(anEvent().by("rare-actor").action(AuditAction.SIGN_IN_FAILED).onToken("999999", "rare token"));
        dsl.execute("analyze audit_event");

        assertThat(planOf(AuditFilter.ALL)).contains("audit_event_occurred_at").doesNotContain("Sort");
        assertThat(planOf(new AuditFilter("RARE-", null, null, null, null)))
                .contains("audit_event_actor_name")
                .doesNotContain("Seq Scan");
        assertThat(planOf(new AuditFilter(null, AuditAction.SIGN_IN_FAILED, null, null, null)))
                .contains("audit_event_action")
                .doesNotContain("Seq Scan");
        assertThat(planOf(new AuditFilter(null, null, "Rare T", null, null)))
                .contains("audit_event_target_name")
                .doesNotContain("Seq Scan");
        assertThat(planOf(new AuditFilter(null, null, "999999", null, null)))
                .contains("audit_event_target_id")
                .doesNotContain("Seq Scan");
        var oneHour = Instant.parse("2026-01-10T00:00:00Z");
        assertThat(planOf(new AuditFilter(null, null, null, oneHour, oneHour.plusSeconds(3600))))
                .contains("audit_event_occurred_at")
                .doesNotContain("Seq Scan");
    }

    private String planOf(AuditFilter filter) {
        var query = new AtomicReference<@Nullable Query>();
        ExecuteListener capture = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                query.set(context.query());
            }
        };
        new JooqAuditLog(dsl.configuration().deriveAppending(capture).dsl()).search(filter, 0, 50);
        var executed = query.get();
        assertThat(executed).isNotNull();
        return dsl.explain(executed).plan();
    }

    private AuditEvent record(AuditTestData.EventBuilder event) {
        var built = event.build();
        audit.record(built);
        return built;
    }

    private void assertMatches(AuditFilter filter, AuditEvent... expected) {
        assertThat(audit.search(filter, 0, 100)).containsExactly(expected);
        assertThat(audit.count(filter, 100)).isEqualTo(expected.length);
    }

    private static AuditEvent event(Instant at, AuditAction action, String details) {
        return new AuditEvent(at, null, AuditEvent.SYSTEM, action, "user", "7", "alice", details, "192.0.2.10");
    }
}
