package io.tokenkeeper.app.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.tokenkeeper.app.audit.AuditTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.audit.AuditTestData.EventBuilder;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.audit.AuditService;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.audit.AuditLogView;
import io.tokenkeeper.ui.base.AccessDeniedView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared test database holds events of other tests, so each test records its own events under actor names that
 * start with a fresh tag, in a past year no other test writes to, and filters by that tag.
 */
class AuditLogViewTest extends KaribuTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String ADMINISTRATORS_ONLY = "Only administrators can read the audit log.";
    private static final String MORE_THAN_SHOWN = "Showing the newest 10,000 matching events. Narrow the filters, for"
            + " example the dates, to reach older ones.";

    @Autowired
    UserTestData users;

    @Autowired
    AuditLog log;

    @Autowired
    AuditService audit;

    @Autowired
    DSLContext dsl;

    private String tag = "";
    private @Nullable User admin;

    @BeforeEach
    void freshTag() {
        tag = "audit" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 1_000_000;
    }

    @Test
    void a_user_who_is_not_an_administrator_is_denied_the_page() {
        TestSignIn.as(users.aUserWithApiAccess());

        UI.getCurrent().navigate("administration/audit-log");

        NavigatorKt.expectView(AccessDeniedView.class);
        _assertNone(Grid.class);
    }

    @Test
    void an_administrator_who_lost_the_privilege_after_signing_in_is_denied_the_page() {
        var admin = anAdministrator();
        TestSignIn.as(admin);
        dsl.execute(
                "delete from user_privilege where user_id = ? and privilege = 'ADMINISTRATOR'",
                admin.id().value());

        UI.getCurrent().navigate(AuditLogView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
        _assertNone(Grid.class);
    }

    @Test
    void the_service_refuses_an_actor_who_is_not_an_administrator() {
        var user = users.aUserWithApiAccess();
        var actor = new Actor(user, "192.0.2.1");

        assertThatThrownBy(() -> audit.search(actor, AuditFilter.ALL, 0, 50))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(ADMINISTRATORS_ONLY);
        assertThatThrownBy(() -> audit.count(actor, AuditFilter.ALL))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage(ADMINISTRATORS_ONLY);
    }

    @Test
    void an_administrator_sees_every_event_newest_first() {
        var now = Instant.now();
        // A millisecond apart: an event another test recorded a moment ago must not fall between the two.
        log.record(anEvent(tag, AuditAction.PROFILE_CHANGED, now.minusMillis(1))
                .details(tag + " earlier")
                .build());
        log.record(anEvent(tag, AuditAction.PROFILE_CHANGED, now)
                .details(tag + " latest")
                .build());
        signInAsAdministrator();

        _get(H2.class, spec -> spec.withText("Audit Log"));
        var grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo((int) audit.count(admin(), AuditFilter.ALL));
        assertThat(GridKt._getFormatted(grid, 0, "details")).isEqualTo(tag + " latest");
        assertThat(GridKt._getFormatted(grid, 1, "details")).isEqualTo(tag + " earlier");
    }

    @Test
    void a_selected_event_opens_in_full_with_its_whole_reason() {
        String reason = "Frozen because the laptop with the deploy keys was stolen at the airport on Friday evening; "
                + "the keys may be in use by someone else, so every token stays off until the audit is done.";
        record(event("carol", AuditAction.TOKEN_CREATED, "2001-03-04T05:06:07Z")
                .target("token", "42", "nightly")
                .details(reason));
        signInAsAdministrator();
        _setValue(actorField(), tag);

        var grid = grid();
        grid.select(GridKt._get(grid, 0));

        var dialog = _get(Dialog.class);
        var details = _get(dialog, DescriptionList.class);
        assertThat(details.getElement().getTextRecursively())
                .contains(reason)
                .contains(tag + "-carol")
                .contains("Token “nightly”")
                .contains("2001-03-04 05:06:07 UTC");
        dialog.close();
        assertThat(grid.getSelectedItems()).isEmpty();
    }

    @Test
    void shows_each_column_as_text_newest_first() {
        record(event("alice", AuditAction.TOKEN_CREATED, "2001-03-04T05:06:07Z")
                .target("token", "41", "CI <b>deploy</b>")
                .details("Created “CI <b>deploy</b>” (tkp_Ab12…wxyz), never expires"));
        record(event("bob", AuditAction.SIGN_IN_FAILED, "2001-03-04T05:07:00Z")
                .target("user", null, "unknown user")
                .withoutClientAddress()
                .details("Unknown username"));
        signInAsAdministrator();

        _setValue(actorField(), tag);

        var grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(row(grid, 0))
                .containsExactly(
                        "2001-03-04 05:07",
                        tag + "-bob",
                        "Sign-in failed",
                        "User “unknown user”",
                        "—",
                        "Unknown username");
        assertThat(row(grid, 1))
                .containsExactly(
                        "2001-03-04 05:06",
                        tag + "-alice",
                        "Token created",
                        "Token “CI <b>deploy</b>”",
                        "192.0.2.10",
                        "Created “CI <b>deploy</b>” (tkp_Ab12…wxyz), never expires");
    }

    @Test
    void the_actor_filter_keeps_actors_whose_name_starts_with_the_text_ignoring_case() {
        record(event("alice", AuditAction.PROFILE_CHANGED, "2001-05-01T10:00:00Z"));
        record(event("alicia", AuditAction.PROFILE_CHANGED, "2001-05-01T11:00:00Z"));
        record(event("bob", AuditAction.PROFILE_CHANGED, "2001-05-01T12:00:00Z"));
        signInAsAdministrator();

        _setValue(actorField(), tag.toUpperCase(Locale.ROOT) + "-ALI");

        assertThat(column(grid(), "actor")).containsExactly(tag + "-alicia", tag + "-alice");
        _setValue(actorField(), tag + "-bob");
        assertThat(column(grid(), "actor")).containsExactly(tag + "-bob");
    }

    @Test
    void the_action_filter_keeps_one_action() {
        record(event("alice", AuditAction.TOKEN_CREATED, "2001-06-01T10:00:00Z"));
        record(event("alice", AuditAction.TOKEN_REVOKED, "2001-06-01T11:00:00Z"));
        record(event("bob", AuditAction.TOKEN_REVOKED, "2001-06-01T12:00:00Z"));
        signInAsAdministrator();
        _setValue(actorField(), tag);
        assertThat(GridKt._size(grid())).isEqualTo(3);

        _setValue(actionField(), AuditAction.TOKEN_REVOKED);

        assertThat(column(grid(), "actor")).containsExactly(tag + "-bob", tag + "-alice");
        assertThat(column(grid(), "action")).containsOnly("Token revoked");
        assertThat(actionField().getItemLabelGenerator().apply(AuditAction.TOKEN_REVOKED))
                .isEqualTo("Token revoked");

        _setValue(actionField(), null);
        assertThat(GridKt._size(grid())).isEqualTo(3);
    }

    @Test
    void the_target_filter_keeps_names_that_start_with_the_text_and_the_exact_id() {
        record(event("alice", AuditAction.TOKEN_CREATED, "2001-07-01T10:00:00Z").target("token", "501", "Deploy key"));
        record(event("alice", AuditAction.TOKEN_RENAMED, "2001-07-01T11:00:00Z").target("token", "502", "deploy prod"));
        record(event("alice", AuditAction.TOKEN_DISABLED, "2001-07-01T12:00:00Z")
                .target("token", "5011", "backup"));
        signInAsAdministrator();
        _setValue(actorField(), tag);

        _setValue(targetField(), "DEPLOY");
        assertThat(column(grid(), "target")).containsExactly("Token “deploy prod”", "Token “Deploy key”");

        _setValue(targetField(), "501");
        assertThat(column(grid(), "target")).containsExactly("Token “Deploy key”");
    }

    @Test
    void the_date_filters_keep_whole_utc_days_from_the_first_to_the_last() {
        record(event("alice", AuditAction.PROFILE_CHANGED, "2001-08-09T23:59:59Z")
                .details("before"));
        record(event("alice", AuditAction.PROFILE_CHANGED, "2001-08-10T00:00:00Z")
                .details("first moment"));
        record(event("alice", AuditAction.PROFILE_CHANGED, "2001-08-11T23:59:59Z")
                .details("last moment"));
        record(event("alice", AuditAction.PROFILE_CHANGED, "2001-08-12T00:00:00Z")
                .details("after"));
        signInAsAdministrator();
        _setValue(actorField(), tag);

        _setValue(fromField(), LocalDate.of(2001, 8, 10));
        assertThat(column(grid(), "details")).containsExactly("after", "last moment", "first moment");

        _setValue(toField(), LocalDate.of(2001, 8, 11));
        assertThat(column(grid(), "details")).containsExactly("last moment", "first moment");

        _setValue(fromField(), LocalDate.of(2001, 8, 11));
        _setValue(toField(), LocalDate.of(2001, 8, 11));
        assertThat(column(grid(), "details")).containsExactly("last moment");
    }

    @Test
    void says_so_when_nothing_matches() {
        signInAsAdministrator();
        assertThat(grid().getEmptyStateText()).isEqualTo("No audit events yet.");

        _setValue(actorField(), tag + "-nobody");

        assertThat(GridKt._size(grid())).isZero();
        assertThat(grid().getEmptyStateText()).isEqualTo("No audit events match these filters.");
    }

    @Test
    void says_when_more_events_match_than_it_counts() {
        dsl.execute("""
                insert into audit_event (occurred_at, actor_name, action, target_type, details)
                select timestamptz '2002-01-01 00:00:00+00' + i * interval '1 second', ?, 'PROFILE_CHANGED', 'user',
                       'bulk ' || i
                from generate_series(1, 10001) as i
                """, tag + "-bulk");
        signInAsAdministrator();

        _setValue(actorField(), tag);

        assertThat(GridKt._size(grid())).isEqualTo(AuditService.MAX_COUNT);
        assertThat(GridKt._getFormatted(grid(), 0, "details")).isEqualTo("bulk 10001");
        _get(Paragraph.class, spec -> spec.withText(MORE_THAN_SHOWN));

        _setValue(fromField(), LocalDate.of(2002, 1, 2));

        assertThat(GridKt._size(grid())).isZero();
        _assertNone(Paragraph.class, spec -> spec.withText(MORE_THAN_SHOWN));
    }

    @Test
    void an_invalid_filter_marks_its_field_and_keeps_the_last_results() {
        record(event("alice", AuditAction.PROFILE_CHANGED, "2001-09-10T12:00:00Z"));
        signInAsAdministrator();
        _setValue(actorField(), tag);
        _setValue(fromField(), LocalDate.of(2001, 9, 10));

        _setValue(toField(), LocalDate.of(2001, 9, 9));

        assertThat(toField().isInvalid()).isTrue();
        assertThat(toField().getErrorMessage()).isEqualTo("The end of the time range must come after its start.");
        assertThat(GridKt._size(grid())).isEqualTo(1);

        _setValue(toField(), LocalDate.of(2001, 9, 10));
        assertThat(toField().isInvalid()).isFalse();
        assertThat(GridKt._size(grid())).isEqualTo(1);

        _setValue(targetField(), "x".repeat(101));
        assertThat(targetField().isInvalid()).isTrue();
        assertThat(targetField().getErrorMessage()).isEqualTo("Use at most 100 characters (this has 101).");
    }

    private User anAdministrator() {
        return users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
    }

    private void signInAsAdministrator() {
        admin = anAdministrator();
        TestSignIn.as(admin);
        UI.getCurrent().navigate(AuditLogView.class);
        NavigatorKt.expectView(AuditLogView.class);
    }

    private Actor admin() {
        assertThat(admin).isNotNull();
        return new Actor(admin, null);
    }

    /** An event by "{tag}-{actor}"; see {@link AuditTestData#anEvent}. */
    private EventBuilder event(String actor, AuditAction action, String at) {
        return anEvent(tag + "-" + actor, action, Instant.parse(at));
    }

    private void record(EventBuilder event) {
        log.record(event.build());
    }

    private static List<String> row(Grid<AuditEvent> grid, int index) {
        return List.of("time", "actor", "action", "target", "clientIp", "details").stream()
                .map(key -> GridKt._getFormatted(grid, index, key))
                .toList();
    }

    private static List<String> column(Grid<AuditEvent> grid, String key) {
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(index -> GridKt._getFormatted(grid, index, key))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEvent> grid() {
        return _get(Grid.class);
    }

    private static TextField actorField() {
        return _get(TextField.class, spec -> spec.withLabel("Actor"));
    }

    private static TextField targetField() {
        return _get(TextField.class, spec -> spec.withLabel("Target"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<AuditAction> actionField() {
        return _get(ComboBox.class, spec -> spec.withLabel("Action"));
    }

    private static DatePicker fromField() {
        return _get(DatePicker.class, spec -> spec.withLabel("From"));
    }

    private static DatePicker toField() {
        return _get(DatePicker.class, spec -> spec.withLabel("To"));
    }
}
