package io.tokenkeeper.app.token;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.activity.UsageRecorder;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.base.PageContent;
import io.tokenkeeper.app.base.RowActionClicks;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.base.LocalDays;
import io.tokenkeeper.domain.notification.NotificationKind;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.notification.Notifier;
import io.tokenkeeper.domain.policy.LifecyclePolicy;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.Overlap;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.policy.PolicyView;
import io.tokenkeeper.ui.token.ApiTokensView;
import io.tokenkeeper.ui.user.ProfileView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Regenerate and Extend on the API Tokens page. */
class TokenLifecycleViewTest extends KaribuTest {

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    @Autowired
    UsageRecorder usage;

    @Autowired
    CanaryTokens canaries;

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationService notifications;

    @Autowired
    LifecyclePolicyService lifecyclePolicy;

    @Test
    void regenerate_shows_the_new_value_once_and_the_grid_says_the_token_is_rotating() {
        var user = signInWithAToken("Deploy");
        var before = only(user);

        clickRowAction("Regenerate");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Overlap> overlap =
                _get(RadioButtonGroup.class, spec -> spec.withLabel("Old value keeps working"));
        overlap.setValue(Overlap.SEVEN_DAYS);
        _click(_get(Button.class, spec -> spec.withText("Regenerate Token")));

        var valueField = _get(TextField.class, spec -> spec.withLabel("The new value of \u201CDeploy\u201D"));
        var secret = TokenSecret.parse(valueField.getValue()).orElseThrow();
        var after = only(user);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.hint()).isEqualTo(secret.hint()).isNotEqualTo(before.hint());
        assertThat(GridKt._getFormatted(tokenGrid(), 0, "status")).startsWith("Rotating \u2014 old value stops at ");

        _click(_get(Button.class, spec -> spec.withText("Copy to Clipboard & Close")));
        _assertNoDialogs();
        assertThat(PageContent.contains(secret.reveal())).isFalse();
    }

    @Test
    void extend_moves_the_expiry_and_keeps_the_value() {
        var user = signInWithAToken("Nightly");
        var before = only(user);
        var day = LocalDate.now(ZoneOffset.UTC).plusDays(40);

        clickRowAction("Extend Expiry");
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("New expiration date")), day);
        _click(_get(Button.class, spec -> spec.withText("Extend")));

        _assertNoDialogs();
        var after = only(user);
        // The token works until the end of the day picked, in the browser's zone (UTC in these tests).
        assertThat(after.expiresAt()).isEqualTo(LocalDays.endOf(day, ZoneOffset.UTC));
        assertThat(after.hint()).isEqualTo(before.hint());
        assertThat(GridKt._getFormatted(tokenGrid(), 0, "expires")).isEqualTo(day.plusDays(1) + " 00:00");
    }

    @Test
    void details_show_the_settings_thirty_days_of_calls_and_the_history() {
        var user = signInWithAToken("Reporting");
        var token = only(user);
        usage.record(token.id(), "198.51.100.9", "reporter/1", "GET /api/v1/me");
        usage.record(token.id(), "198.51.100.9", "reporter/1", "GET /api/v1/me");
        usage.flush();

        clickRowAction("Details");

        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Token Details: \u201CReporting\u201D");
        var chart = _get(Div.class, spec -> spec.withClasses("tk-calls-chart"));
        assertThat(chart.getChildren().count()).isEqualTo(30);
        assertThat(chart.getElement().getAttribute("aria-label"))
                .isEqualTo("Calls per day, last 30 days: 2 calls in all");
        _get(Span.class, spec -> spec.withText("GET /api/v1/me"));
        _get(Span.class, spec -> spec.withText("reporter/1"));
        assertThat(GridKt._getFormatted(
                        _get(Grid.class, spec -> spec.withAttribute("aria-label", "Addresses")), 0, "address"))
                .isEqualTo("198.51.100.9");
        assertThat(GridKt._getFormatted(
                        _get(Grid.class, spec -> spec.withAttribute("aria-label", "History")), 0, "what"))
                .isEqualTo("Token created");
    }

    @Test
    void an_administrator_sets_the_inactivity_rule_and_reminder_days_on_the_policy_page() {
        TestSignIn.as(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)));
        UI.getCurrent().navigate(PolicyView.class);
        try {
            _setValue(_get(IntegerField.class, spec -> spec.withLabel("Disable tokens unused for (days)")), 60);
            _setValue(_get(TextField.class, spec -> spec.withLabel("Remind owners before expiry (days)")), "14, 3");
            _click(_get(Button.class, spec -> spec.withText("Save Lifecycle Rules")));

            assertThat(lifecyclePolicy.current()).isEqualTo(new LifecyclePolicy(60, List.of(14, 3)));
            NotificationsKt.expectNotifications("The lifecycle rules were saved.");
        } finally {
            lifecyclePolicy.update(
                    new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), null), null, List.of(30, 7, 1));
        }
    }

    @Test
    void add_canary_token_shows_its_value_once_and_the_grid_marks_it() {
        var user = signInWithAToken("Real");

        _click(_get(Button.class, spec -> spec.withText("Add Canary Token")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Backup key");
        _click(_get(Button.class, spec -> spec.withText("Generate Canary")));

        var value = _get(TextField.class, spec -> spec.withLabel("Your canary token \u201CBackup key\u201D"))
                .getValue();
        assertThat(TokenSecret.parse(value)).isPresent();
        _click(_get(Button.class, spec -> spec.withText("Copy to Clipboard & Close")));
        var grid = tokenGrid();
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("Backup key");
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Canary \u2014 alerts on any use");
        assertThat(GridKt._getFormatted(grid, 1, "status")).isEqualTo("Enabled");
        assertThat(canaries.canaries(new Actor(user, null))).hasSize(1);
    }

    @Test
    void the_bell_counts_unread_notifications_lists_them_and_disables_a_token_used_from_a_new_address() {
        var user = signInWithAToken("Watched");
        var token = only(user);
        notifier.notify(
                user.id(),
                NotificationKind.NEW_ADDRESS,
                "New address for Watched",
                "Used from 203.0.113.50.",
                token.id(),
                "203.0.113.50");
        notifier.notify(
                user.id(),
                NotificationKind.EXPIRES_SOON,
                "Token expires in 7 days: Watched",
                "Soon.",
                token.id(),
                null);
        UI.getCurrent().navigate(ApiTokensView.class);
        UI.getCurrent().getPage().reload();

        var bell = _get(Button.class, spec -> spec.withAttribute("aria-label", "Notifications (2 unread)"));
        _click(bell);
        _get(Span.class, spec -> spec.withText("New address for Watched"));
        _click(_get(Button.class, spec -> spec.withText("Disable Token")));

        assertThat(only(user).enabled()).isFalse();
        assertThat(notifications.unread(new Actor(user, null))).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withText("Mark All Read")));
        assertThat(notifications.unread(new Actor(user, null))).isZero();
        _get(Button.class, spec -> spec.withAttribute("aria-label", "Notifications"));
    }

    @Test
    void the_profile_switches_notification_mail_off_per_kind() {
        var user = users.aUserWithApiAccess();
        TestSignIn.as(user);
        UI.getCurrent().navigate(ProfileView.class);

        @SuppressWarnings("unchecked")
        CheckboxGroup<NotificationKind> kinds = _get(CheckboxGroup.class, spec -> spec.withLabel("Email me when"));
        assertThat(kinds.getValue()).containsExactlyInAnyOrder(NotificationKind.values());
        kinds.deselect(NotificationKind.NEW_ADDRESS);
        _click(_get(Button.class, spec -> spec.withText("Save Email Settings")));

        assertThat(notifications.mailedKinds(new Actor(user, null)))
                .doesNotContain(NotificationKind.NEW_ADDRESS)
                .contains(NotificationKind.CANARY_USED);
    }

    private User signInWithAToken(String name) {
        var user = users.aUserWithApiAccess();
        tokens.generate(new Actor(user, null), name, null);
        TestSignIn.as(user);
        UI.getCurrent().navigate(ApiTokensView.class);
        return user;
    }

    private Token only(User user) {
        return tokens.listOwn(new Actor(user, null)).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Token> tokenGrid() {
        return _get(Grid.class);
    }

    private static void clickRowAction(String text) {
        RowActionClicks.clickRowAction(tokenGrid(), 0, text);
    }
}
