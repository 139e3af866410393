package io.tokenkeeper.app.token;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.base.PageContent;
import io.tokenkeeper.app.base.RowActionClicks;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.token.TokenStatus;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.token.ApiTokensView;
import io.tokenkeeper.ui.user.ProfileView;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiTokensViewTest extends KaribuTest {

    @Autowired
    UserTestData users;

    @Autowired
    TokenService tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    TokenAdministration administration;

    @Autowired
    DSLContext dsl;

    @Test
    void a_user_without_api_access_sees_no_tab_and_is_denied_the_page() {
        TestSignIn.as(users.aUserWithoutPrivileges());
        UI.getCurrent().navigate(ProfileView.class);

        _assertNone(RouterLink.class, spec -> spec.withText("API Tokens"));

        UI.getCurrent().navigate("settings/user-information/api-tokens");
        NavigatorKt.expectView(AccessDeniedView.class);
        _assertNone(Grid.class);
        _get(
                Paragraph.class,
                spec -> spec.withText("This page needs the API Access privilege, which your account"
                        + " does not have. Ask an administrator if you think you should."));
    }

    @Test
    void a_user_who_lost_api_access_after_signing_in_is_refused_by_the_service() {
        var user = users.aUserWithApiAccess();
        TestSignIn.as(user);
        dsl.execute("delete from user_privilege where user_id = ?", user.id().value());

        UI.getCurrent().navigate(ApiTokensView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
        assertThatThrownBy(() -> tokens.generate(new Actor(user, null), "sneaky", null))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You need the API Access privilege to manage API tokens.");
    }

    @Test
    void a_user_with_api_access_finds_the_tab_and_an_empty_state() {
        TestSignIn.as(users.aUserWithApiAccess());
        UI.getCurrent().navigate(ProfileView.class);

        UI.getCurrent()
                .navigate(_get(RouterLink.class, spec -> spec.withText("API Tokens"))
                        .getHref());

        NavigatorKt.expectView(ApiTokensView.class);
        _get(H3.class, spec -> spec.withText("You have no API tokens yet."));
        _assertNone(Grid.class);
        assertThat(addButton().isEnabled()).isTrue();
    }

    @Test
    void generates_a_token_shows_its_value_once_and_forgets_it_on_close() {
        var user = signInWithApiAccess();

        _click(addButton());
        _setValue(nameField(), "CI deploy");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));

        var valueField = _get(TextField.class, spec -> spec.withLabel("Your new API token “CI deploy”"));
        String value = valueField.getValue();
        var secret = TokenSecret.parse(value).orElseThrow();
        assertThat(valueField.isReadOnly()).isTrue();
        assertThat(PageContent.contains(value))
                .as("the page shows the value while the dialog is open")
                .isTrue();
        var grid = tokenGrid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("CI deploy");
        assertThat(GridKt._getFormatted(grid, 0, "token"))
                .isEqualTo(secret.hint().value());
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Enabled");
        assertThat(GridKt._getFormatted(grid, 0, "lastUsed")).isEqualTo("Never");

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Copy to Clipboard")));
        NotificationsKt.expectNotifications("The token has been copied to your clipboard.");
        _get(Dialog.class);

        _click(_get(Button.class, spec -> spec.withText("Copy to Clipboard & Close")));
        _assertNoDialogs();
        assertThat(PageContent.contains(value)).isFalse();
        assertThat(PageContent.contains(value.substring(8, 30))).isFalse();
        assertThat(audit.search(AuditFilter.ALL, 0, 50)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.TOKEN_CREATED);
            assertThat(event.actorId()).isEqualTo(user.id());
            assertThat(event.details()).doesNotContain(value);
        });
    }

    @Test
    void validates_the_name_as_the_user_types() {
        signInWithApiAccess();
        _click(addButton());
        var name = nameField();

        _setValue(name, "   ");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter a name for the token.");

        _setValue(name, "x".repeat(101));
        assertThat(name.getErrorMessage()).isEqualTo("Use at most 100 characters (this name has 101).");
        assertThat(name.getHelperText()).isEqualTo("101/100");

        _setValue(name, "zero\u200Bwidth");
        assertThat(name.getErrorMessage()).isEqualTo("The name contains an invisible or control character; remove it.");

        _setValue(name, "😀".repeat(100));
        assertThat(name.isInvalid()).isFalse();
        assertThat(name.getHelperText()).isEqualTo("100/100");
    }

    @Test
    void refuses_a_name_the_user_already_has_ignoring_case() {
        var user = signInWithApiAccess();
        tokens.generate(new Actor(user, null), "Deploy", null);
        UI.getCurrent().navigate(ApiTokensView.class);

        _click(addButton());
        _setValue(nameField(), "DEPLOY");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));

        assertThat(nameField().getErrorMessage()).isEqualTo("You already have a token with this name.");
        assertThat(tokens.listOwn(new Actor(user, null))).hasSize(1);
    }

    @Test
    void at_the_quota_the_add_button_is_disabled_and_says_why() {
        var user = signInWithApiAccess();
        for (int i = 1; i <= 5; i++) {
            tokens.generate(new Actor(user, null), "token " + i, null);
        }
        UI.getCurrent().navigate(ApiTokensView.class);

        assertThat(addButton().isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withClasses("tk-quota")).getText())
                .startsWith("You can have at most 5 API tokens.")
                .contains("Every token that is not revoked counts, disabled and expired ones too")
                .contains("revoke one you no longer need");
        assertThat(GridKt._size(tokenGrid())).isEqualTo(5);
    }

    @Test
    void says_before_generating_that_the_value_is_shown_once() {
        signInWithApiAccess();
        _click(addButton());

        _get(
                Paragraph.class,
                spec -> spec.withText(
                        "After you generate the token, its value is shown once, here: copy it then. It cannot be shown again."));
        _get(
                Paragraph.class,
                spec -> spec.withText("What the token may do. Scopes cannot be changed after the token is created."));
    }

    @SuppressWarnings("unchecked")
    @Test
    void offers_the_scopes_by_resource_server_with_the_policys_defaults_ticked() {
        signInWithApiAccess();
        _click(addButton());

        CheckboxGroup<ScopeDefinition> tokenkeeper = _get(CheckboxGroup.class, spec -> spec.withLabel("Tokenkeeper"));
        assertThat(tokenkeeper.getValue())
                .extracting(definition -> definition.scope().value())
                .containsExactlyInAnyOrder("tokenkeeper:read", "tokenkeeper:write");
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_token_narrowed_to_reading_and_one_range_holds_exactly_that() {
        var user = signInWithApiAccess();
        _click(addButton());
        _setValue(nameField(), "read only");
        CheckboxGroup<ScopeDefinition> tokenkeeper = _get(CheckboxGroup.class, spec -> spec.withLabel("Tokenkeeper"));
        _setValue(
                tokenkeeper,
                tokenkeeper.getValue().stream()
                        .filter(definition -> definition.scope().equals(Scope.TOKENKEEPER_READ))
                        .collect(Collectors.toSet()));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Allowed addresses")), "203.0.113.0/24");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));

        var created = only(user);
        assertThat(created.scopes()).containsExactly(Scope.TOKENKEEPER_READ);
        assertThat(created.allowedRanges()).extracting(Object::toString).containsExactly("203.0.113.0/24");
        assertThat(GridKt._getFormatted(tokenGrid(), 0, "scopes")).isEqualTo("tokenkeeper: read");
    }

    @Test
    void the_value_step_shows_curl_both_basic_usernames_and_a_test_that_works() {
        var user = signInWithApiAccess();
        _click(addButton());
        _setValue(nameField(), "tried");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));
        String value = _get(TextField.class, spec -> spec.withLabel("Your new API token “tried”"))
                .getValue();

        assertThat(_get(TextField.class, spec -> spec.withLabel("Call the API with curl"))
                        .getValue())
                .startsWith("curl -H \"Authorization: Bearer " + value + "\" ")
                .endsWith("/api/v1/me");
        String username = user.username().value();
        assertThat(_get(
                                TextField.class,
                                spec -> spec.withLabel("Or with HTTP Basic: username (the token is the password)"))
                        .getValue())
                .isEqualTo(username);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Or the username as Boomi writes it"))
                        .getValue())
                .isEqualTo("BOOMI_TOKEN." + username);
        _get(Button.class, spec -> spec.withAttribute("aria-label", "Copy the curl command"));

        _click(_get(Button.class, spec -> spec.withText("Test token")));

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("tk-test-result"))
                        .getText())
                .isEqualTo("Works — authenticated as " + username + ".");
    }

    @Test
    void test_token_says_why_a_token_for_other_addresses_does_not_work_from_here() {
        signInWithApiAccess();
        _click(addButton());
        _setValue(nameField(), "elsewhere");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Allowed addresses")), "203.0.113.7");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));

        _click(_get(Button.class, spec -> spec.withText("Test token")));

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("tk-test-result"))
                        .getText())
                .startsWith("Does not work")
                .contains("the token is allowed only from the addresses you gave it");
    }

    @Test
    void the_rename_dialog_counts_the_characters_and_can_be_closed() {
        var user = signInWithApiAccess();
        tokens.generate(new Actor(user, null), "counted", null);
        UI.getCurrent().navigate(ApiTokensView.class);

        clickRowAction(0, "Rename");
        var name = nameField();
        assertThat(name.getHelperText()).startsWith("7/100");
        _setValue(name, "counted again");
        assertThat(name.getHelperText()).startsWith("13/100");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Close")));
        _assertNoDialogs();
        assertThat(only(user).name().value()).isEqualTo("counted");
    }

    @Test
    void asks_before_closing_a_token_that_was_not_copied() {
        signInWithApiAccess();
        _click(addButton());
        _setValue(nameField(), "uncopied");
        _click(_get(Button.class, spec -> spec.withText("Generate Token")));

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Close")));
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Close without copying?");
        ConfirmDialogKt._fireCancel(confirm);
        _get(TextField.class, spec -> spec.withLabel("Your new API token “uncopied”"));

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Close")));
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).getLast());
        _assertNone(Dialog.class);
    }

    @Test
    void renames_a_token_and_keeps_its_value() {
        var user = signInWithApiAccess();
        var generated = tokens.generate(new Actor(user, null), "old name", null);
        UI.getCurrent().navigate(ApiTokensView.class);

        clickRowAction(0, "Rename");
        _setValue(nameField(), "new name");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(GridKt._getFormatted(tokenGrid(), 0, "name")).isEqualTo("new name");
        var renamed = only(user);
        assertThat(renamed.name().value()).isEqualTo("new name");
        assertThat(renamed.hint()).isEqualTo(generated.secret().hint());
    }

    @Test
    void disables_and_enables_a_token() {
        var user = signInWithApiAccess();
        tokens.generate(new Actor(user, null), "toggle me", null);
        UI.getCurrent().navigate(ApiTokensView.class);

        clickRowAction(0, "Disable");
        assertThat(GridKt._getFormatted(tokenGrid(), 0, "status")).isEqualTo("Disabled");
        assertThat(only(user).enabled()).isFalse();

        clickRowAction(0, "Enable");
        assertThat(GridKt._getFormatted(tokenGrid(), 0, "status")).isEqualTo("Enabled");
        assertThat(only(user).statusAt(java.time.Instant.now())).isEqualTo(TokenStatus.ENABLED);
    }

    @Test
    void a_token_an_administrator_froze_shows_as_frozen_and_stays_off() {
        var user = signInWithApiAccess();
        tokens.generate(new Actor(user, null), "frozen one", null);
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR));
        administration.freeze(new Actor(admin, null), user.username().value(), "Laptop stolen");
        UI.getCurrent().navigate(ApiTokensView.class);

        assertThat(GridKt._getFormatted(tokenGrid(), 0, "status")).isEqualTo("Frozen");
        clickRowAction(0, "Enable");
        assertThat(only(user).enabled()).isFalse();
        assertThat(GridKt._getFormatted(tokenGrid(), 0, "status")).isEqualTo("Frozen");
    }

    @Test
    void revokes_a_token_only_after_confirmation() {
        var user = signInWithApiAccess();
        tokens.generate(new Actor(user, null), "short-lived", null);
        UI.getCurrent().navigate(ApiTokensView.class);

        clickRowAction(0, "Revoke");
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Revoke “short-lived”?");
        assertThat(ConfirmDialogKt.getText(confirm)).contains("cannot be undone");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(tokens.listOwn(new Actor(user, null))).hasSize(1);

        clickRowAction(0, "Revoke");
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).getLast());

        assertThat(tokens.listOwn(new Actor(user, null))).isEmpty();
        _get(H3.class, spec -> spec.withText("You have no API tokens yet."));
    }

    @Test
    void the_service_refuses_another_users_token_ids() {
        var owner = users.aUserWithApiAccess();
        var stranger = users.aUserWithApiAccess();
        var token = tokens.generate(new Actor(owner, null), "mine", null).token();
        var asStranger = new Actor(stranger, "192.0.2.1");

        assertThatThrownBy(() -> tokens.disable(asStranger, token.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tokens.revoke(asStranger, token.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tokens.rename(asStranger, token.id(), "stolen"))
                .isInstanceOf(NotFoundException.class);
        assertThat(only(owner).name().value()).isEqualTo("mine");
        assertThat(only(owner).enabled()).isTrue();
    }

    private User signInWithApiAccess() {
        var user = users.aUserWithApiAccess();
        TestSignIn.as(user);
        UI.getCurrent().navigate(ApiTokensView.class);
        return user;
    }

    private Token only(User user) {
        var list = tokens.listOwn(new Actor(user, null));
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    private static Button addButton() {
        return _get(Button.class, spec -> spec.withText("Add New Token"));
    }

    private static TextField nameField() {
        return _get(TextField.class, spec -> spec.withLabel("Name"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Token> tokenGrid() {
        return _get(Grid.class);
    }

    private static void clickRowAction(int row, String text) {
        RowActionClicks.clickRowAction(tokenGrid(), row, text);
    }
}
