package io.tokenkeeper.app.user;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.base.RowActionClicks;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.UserSummary;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.user.ProfileView;
import io.tokenkeeper.ui.user.UsersView;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserTestData testData;

    @Autowired
    UserStore users;

    @Autowired
    PasswordHasher passwords;

    @Test
    void a_user_who_is_not_an_administrator_sees_no_administration_and_is_denied_the_page() {
        TestSignIn.as(testData.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);
        _assertNone(SideNavItem.class, spec -> spec.withPredicate(item -> "Users".equals(item.getLabel())));

        UI.getCurrent().navigate(UsersView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
    }

    @Test
    void an_administrator_searches_users_by_username_name_or_email() {
        var admin = signInAsAdministrator();
        var target = testData.aUserWithApiAccess();

        _setValue(
                _get(TextField.class, spec -> spec.withPlaceholder("Username, name or email")),
                target.username().value().toUpperCase());

        var grid = usersGrid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "username"))
                .isEqualTo(target.username().value());
        assertThat(GridKt._getFormatted(grid, 0, "privileges")).isEqualTo("API Access");
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Enabled");
        assertThat(GridKt._getFormatted(grid, 0, "tokens")).isEqualTo("0");
        assertThat(admin.isAdministrator()).isTrue();
    }

    @Test
    void creates_a_user_and_shows_rule_messages_on_the_fields() {
        signInAsAdministrator();
        _click(_get(Button.class, spec -> spec.withText("New User")));

        var username = _get(TextField.class, spec -> spec.withLabel("Username"));
        _setValue(username, "bad name");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Display name")), "Newcomer");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Initial password")), "long enough password");
        _click(_get(Button.class, spec -> spec.withText("Create User")));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).startsWith("Use 2–64 letters");

        String fresh = "newcomer" + System.nanoTime() % 100_000;
        _setValue(username, fresh);
        var password = _get(PasswordField.class, spec -> spec.withLabel("Initial password"));
        _setValue(password, "short");
        _click(_get(Button.class, spec -> spec.withText("Create User")));
        assertThat(password.getErrorMessage()).isEqualTo("Use at least 12 characters.");

        _setValue(password, "long enough password");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Privilege> privileges = _get(CheckboxGroup.class, spec -> spec.withLabel("Privileges"));
        _setValue(privileges, Set.of(Privilege.API_ACCESS));
        _click(_get(Button.class, spec -> spec.withText("Create User")));

        NotificationsKt.expectNotifications("Created " + fresh + ".");
        var created = users.findByUsername(fresh).orElseThrow();
        assertThat(created.privileges()).containsExactly(Privilege.API_ACCESS);
    }

    @Test
    void removing_api_access_asks_first_and_then_takes_it_away() {
        signInAsAdministrator();
        var target = testData.aUserWithApiAccess();
        showOnly(target);

        clickRowAction("Edit");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Privilege> privileges = _get(CheckboxGroup.class, spec -> spec.withLabel("Privileges"));
        _setValue(privileges, Set.of());
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).contains("API tokens stop working at once");
        assertThat(users.findById(target.id()).orElseThrow().privileges()).contains(Privilege.API_ACCESS);
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(users.findById(target.id()).orElseThrow().privileges()).isEmpty();
        assertThat(GridKt._getFormatted(usersGrid(), 0, "privileges")).isEqualTo("None");
    }

    @Test
    void an_administrator_cannot_remove_their_own_administrator_privilege() {
        var admin = signInAsAdministrator();
        showOnly(admin);

        clickRowAction("Edit");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Privilege> privileges = _get(CheckboxGroup.class, spec -> spec.withLabel("Privileges"));
        _setValue(privileges, Set.of(Privilege.API_ACCESS));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(privileges.isInvalid()).isTrue();
        assertThat(privileges.getErrorMessage()).isEqualTo("You cannot remove your own Administrator privilege.");
        assertThat(users.findById(admin.id()).orElseThrow().isAdministrator()).isTrue();
    }

    @Test
    void disables_a_user_after_confirmation_and_enables_them_again() {
        signInAsAdministrator();
        var target = testData.aUserWithApiAccess();
        showOnly(target);

        clickRowAction("Disable");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(users.findById(target.id()).orElseThrow().enabled()).isFalse();
        assertThat(GridKt._getFormatted(usersGrid(), 0, "status")).isEqualTo("Disabled");

        clickRowAction("Enable");
        assertThat(users.findById(target.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void an_administrator_cannot_disable_themself() {
        var admin = signInAsAdministrator();
        showOnly(admin);

        clickRowAction("Disable");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        NotificationsKt.expectNotifications("You cannot disable your own account.");
        assertThat(users.findById(admin.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void resets_a_users_password() {
        signInAsAdministrator();
        var target = testData.aUserWithApiAccess();
        showOnly(target);

        clickRowAction("Reset Password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "handed over in person");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Confirm new password")), "handed over in person");
        _click(_get(Button.class, spec -> spec.withText("Reset Password")
                .withPredicate(button -> button.getAriaLabel().isEmpty())));

        NotificationsKt.expectNotifications("The password of " + target.username() + " was reset.");
        assertThat(passwords.matches(
                        "handed over in person", users.passwordHash(target.id()).orElseThrow()))
                .isTrue();
    }

    private User signInAsAdministrator() {
        var admin = testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        TestSignIn.as(admin);
        UI.getCurrent().navigate(UsersView.class);
        return admin;
    }

    private static void showOnly(User user) {
        _setValue(
                _get(TextField.class, spec -> spec.withPlaceholder("Username, name or email")),
                user.username().value());
        assertThat(GridKt._size(usersGrid())).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Grid<UserSummary> usersGrid() {
        return _get(Grid.class);
    }

    private static void clickRowAction(String text) {
        RowActionClicks.clickRowAction(usersGrid(), 0, text);
    }
}
