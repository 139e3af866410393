package io.tokenkeeper.app.user;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.ui.base.ColorSchemeChoice;
import io.tokenkeeper.ui.user.LoginView;
import io.tokenkeeper.ui.user.ProfileView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProfileViewTest extends KaribuTest {

    @Autowired
    UserTestData testData;

    @Autowired
    UserStore users;

    @Autowired
    PasswordHasher passwords;

    @Autowired
    AuditLog audit;

    @Test
    void an_anonymous_visitor_lands_on_the_login_view() {
        UI.getCurrent().navigate("settings/user-information");

        NavigatorKt.expectView(LoginView.class);
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void the_login_view_reports_a_failed_sign_in() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void a_signed_in_user_sees_settings_user_information_profile() {
        var user = signIn(testData.aUserWithApiAccess());

        UI.getCurrent().navigate("");

        NavigatorKt.expectView(ProfileView.class);
        var current = _get(RouterLink.class, spec -> spec.withAttribute("aria-current", "page"));
        assertThat(current.getText()).isEqualTo("Profile");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Username")).getValue())
                .isEqualTo(user.username().value());
        assertThat(_get(TextField.class, spec -> spec.withLabel("Display name")).getValue())
                .isEqualTo(user.displayName().value());
        _get(Span.class, spec -> spec.withText("API Access"));
    }

    @Test
    void saves_a_valid_display_name_and_email_and_audits_it() {
        var user = signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Display name")), "  Ada Lovelace  ");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("Email")), "ada@example.org");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        NotificationsKt.expectNotifications("Your profile was saved.");
        _get(Span.class, spec -> spec.withText("Ada Lovelace"));
        var saved = users.findById(user.id()).orElseThrow();
        assertThat(saved.displayName().value()).isEqualTo("Ada Lovelace");
        assertThat(saved.email().value()).isEqualTo("ada@example.org");
        assertThat(audit.search(AuditFilter.ALL, 0, 20)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.PROFILE_CHANGED);
            assertThat(event.actorId()).isEqualTo(user.id());
            assertThat(event.details()).isEqualTo("Changed display name and email");
        });
    }

    @Test
    void refuses_an_invalid_email_with_a_message_and_saves_nothing() {
        var user = signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        var email = _get(EmailField.class, spec -> spec.withLabel("Email"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Display name")), "Changed Name");
        _setValue(email, "not an address");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an email address like name@example.com.");
        NotificationsKt.expectNoNotifications();
        assertThat(users.findById(user.id()).orElseThrow().displayName()).isEqualTo(user.displayName());
    }

    @Test
    void refuses_a_blank_display_name() {
        signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        var displayName = _get(TextField.class, spec -> spec.withLabel("Display name"));
        _setValue(displayName, "   ");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(displayName.isInvalid()).isTrue();
        assertThat(displayName.getErrorMessage()).isEqualTo("Enter a display name.");
    }

    @Test
    void refuses_a_password_change_with_a_wrong_current_password() {
        var user = signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        var current = _get(PasswordField.class, spec -> spec.withLabel("Current password"));
        _setValue(current, "this is not my password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "a brand new passphrase");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Confirm new password")), "a brand new passphrase");
        _click(_get(Button.class, spec -> spec.withText("Change Password")));

        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("The current password is not correct.");
        var hash = users.passwordHash(user.id()).orElseThrow();
        assertThat(passwords.matches(UserTestData.PASSWORD, hash)).isTrue();
    }

    @Test
    void refuses_a_confirmation_that_does_not_match() {
        signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), UserTestData.PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "a brand new passphrase");
        var confirmation = _get(PasswordField.class, spec -> spec.withLabel("Confirm new password"));
        _setValue(confirmation, "a brand new passphrasE");
        _click(_get(Button.class, spec -> spec.withText("Change Password")));

        assertThat(confirmation.getErrorMessage()).isEqualTo("The passwords do not match.");
    }

    @Test
    void changes_the_password_when_the_current_one_is_right() {
        var user = signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), UserTestData.PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "a brand new passphrase");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Confirm new password")), "a brand new passphrase");
        _click(_get(Button.class, spec -> spec.withText("Change Password")));

        NotificationsKt.expectNotifications("Your password was changed.");
        var hash = users.passwordHash(user.id()).orElseThrow();
        assertThat(passwords.matches("a brand new passphrase", hash)).isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Current password"))
                        .getValue())
                .isEmpty();
    }

    @Test
    void signing_out_ends_the_authentication_and_is_audited() {
        var user = signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        _click(_get(Button.class, spec -> spec.withAttribute("aria-haspopup", "dialog")));
        _click(_get(Button.class, spec -> spec.withText("Sign out")));

        assertThat(TestSignIn.isSignedIn()).isFalse();
        assertThat(audit.search(AuditFilter.ALL, 0, 20)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.SIGNED_OUT);
            assertThat(event.actorId()).isEqualTo(user.id());
        });
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_user_menu_switches_between_light_dark_and_the_systems_colours() {
        signIn(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        _click(_get(Button.class, spec -> spec.withAttribute("aria-haspopup", "dialog")));
        RadioButtonGroup<ColorSchemeChoice> colours = _get(RadioButtonGroup.class, spec -> spec.withLabel("Colours"));
        assertThat(colours.getValue()).isEqualTo(ColorSchemeChoice.SYSTEM);

        _setValue(colours, ColorSchemeChoice.DARK);
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);

        _setValue(colours, ColorSchemeChoice.SYSTEM);
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT_DARK);
    }

    private static User signIn(User user) {
        TestSignIn.as(user);
        return user;
    }
}
