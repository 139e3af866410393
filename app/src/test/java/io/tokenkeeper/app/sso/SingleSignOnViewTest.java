package io.tokenkeeper.app.sso;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.account.SingleSignOn;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.sso.SingleSignOnView;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SingleSignOnViewTest extends KaribuTest {

    @Autowired
    UserTestData users;

    @Autowired
    PolicyService policies;

    @Autowired
    SingleSignOn singleSignOn;

    @Autowired
    ProvisioningTokens provisioningTokens;

    @Autowired
    AuditLog audit;

    private User admin;

    @BeforeEach
    void signInAsAdministrator() {
        admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        TestSignIn.as(admin);
    }

    @AfterEach
    void restoreTheDefaults() {
        var actor = new Actor(admin, null);
        policies.updateSignInPolicy(actor, Map.of(), false);
        provisioningTokens.list(actor).forEach(token -> provisioningTokens.revoke(actor, token.id()));
        singleSignOn.accountsAllowedToLink(actor).forEach(user -> singleSignOn.withdrawLinking(actor, user.id()));
    }

    @Test
    void a_user_who_is_not_an_administrator_is_denied_the_page() {
        TestSignIn.as(users.aUserWithApiAccess());

        UI.getCurrent().navigate(SingleSignOnView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
    }

    @Test
    void shows_the_redirect_uri_to_register_at_the_identity_provider() {
        UI.getCurrent().navigate(SingleSignOnView.class);

        assertThat(_find(Paragraph.class)).anySatisfy(paragraph -> assertThat(paragraph.getText())
                .contains("Signing in through Test IdP")
                .contains("/login/oauth2/code/oidc")
                .contains("/scim/v2"));
    }

    @Test
    void an_administrator_maps_groups_to_privileges_and_turns_password_sign_in_off_for_others() {
        UI.getCurrent().navigate(SingleSignOnView.class);

        _setValue(_get(TextArea.class, spec -> spec.withLabel("Groups granting API Access")), "tokenkeeper-users\n");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Groups granting Administrator")), "tokenkeeper-admins");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Password sign-in for administrators only")), true);
        _click(_get(Button.class, spec -> spec.withText("Save Sign-In Policy")));

        NotificationsKt.expectNotifications("The sign-in policy was saved.");
        var saved = policies.signInPolicy();
        assertThat(saved.groupsFor(Privilege.API_ACCESS)).containsExactly("tokenkeeper-users");
        assertThat(saved.groupsFor(Privilege.ADMINISTRATOR)).containsExactly("tokenkeeper-admins");
        assertThat(saved.passwordSignInAdministratorsOnly()).isTrue();
    }

    @Test
    void a_group_name_with_a_control_character_is_refused_on_its_field() {
        UI.getCurrent().navigate(SingleSignOnView.class);
        var field = _get(TextArea.class, spec -> spec.withLabel("Groups granting Administrator"));

        _setValue(field, "admins\u0000");
        _click(_get(Button.class, spec -> spec.withText("Save Sign-In Policy")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(policies.signInPolicy().groupsFor(Privilege.ADMINISTRATOR)).isEmpty();
    }

    @Test
    void an_administrator_allows_a_local_account_to_be_taken_over_and_withdraws_it() {
        var local = users.aUserWithApiAccess();
        UI.getCurrent().navigate(SingleSignOnView.class);

        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Username of the local account")),
                local.username().value());
        _click(_get(Button.class, spec -> spec.withText("Allow Linking")));

        var allowed = linksGrid();
        assertThat(GridKt._size(allowed)).isEqualTo(1);
        assertThat(GridKt._getFormatted(allowed, 0, "username"))
                .isEqualTo(local.username().value());
        assertThat(audit.search(AuditFilter.ALL, 0, 5))
                .anyMatch(event -> event.action() == AuditAction.IDENTITY_LINK_ALLOWED);

        _click(rowButton(allowed, "Withdraw"));

        assertThat(GridKt._size(linksGrid())).isZero();
        assertThat(singleSignOn.accountsAllowedToLink(new Actor(admin, null))).isEmpty();
    }

    @Test
    void an_unknown_username_cannot_be_allowed_to_link() {
        UI.getCurrent().navigate(SingleSignOnView.class);
        var field = _get(TextField.class, spec -> spec.withLabel("Username of the local account"));

        _setValue(field, "nobody-here");
        _click(_get(Button.class, spec -> spec.withText("Allow Linking")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("no account named nobody-here");
    }

    @Test
    void a_provisioning_token_is_shown_once_listed_by_its_first_characters_and_revoked() {
        UI.getCurrent().navigate(SingleSignOnView.class);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Token name")), "Okta");
        _click(_get(Button.class, spec -> spec.withText("Create Provisioning Token")));

        var dialog = _get(Dialog.class);
        var value = _get(dialog, TextField.class, spec -> spec.withLabel("Provisioning token Okta"))
                .getValue();
        assertThat(value).startsWith("tks_").hasSize(44);
        assertThat(provisioningTokens.authenticate(value)).isPresent();
        _click(_get(dialog, Button.class, spec -> spec.withText("Close")));
        assertThat(_find(Dialog.class)).isEmpty();

        var grid = tokensGrid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("Okta");
        assertThat(GridKt._getFormatted(grid, 0, "hint")).isEqualTo(value.substring(0, 8) + "…");

        _click(rowButton(grid, "Revoke"));
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Revoke “Okta”?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(GridKt._size(tokensGrid())).isZero();
        assertThat(provisioningTokens.authenticate(value)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Grid<User> linksGrid() {
        return _get(
                Grid.class,
                spec -> spec.withPredicate(grid -> grid.getAriaLabel()
                        .filter("Local accounts the identity provider may take over"::equals)
                        .isPresent()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> tokensGrid() {
        return _get(
                Grid.class,
                spec -> spec.withPredicate(grid -> grid.getAriaLabel()
                        .filter("Provisioning tokens"::equals)
                        .isPresent()));
    }

    private static Button rowButton(Grid<?> grid, String text) {
        Component cell = GridKt._getCellComponent(grid, 0, "actions");
        return _get(cell, Button.class, spec -> spec.withText(text));
    }
}
