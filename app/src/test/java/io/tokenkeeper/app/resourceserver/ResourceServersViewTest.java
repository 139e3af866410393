package io.tokenkeeper.app.resourceserver;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.tokenkeeper.app.resourceserver.Introspections.basic;
import static io.tokenkeeper.app.resourceserver.Introspections.introspect;
import static io.tokenkeeper.app.resourceserver.Introspections.json;
import static io.tokenkeeper.app.resourceserver.Introspections.within1Second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.base.PageContent;
import io.tokenkeeper.app.base.RowActionClicks;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.resourceserver.ResourceServersView;
import io.tokenkeeper.ui.user.ProfileView;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administration › Resource Servers in a browser-less session, with introspection over real HTTP. */
class ResourceServersViewTest extends KaribuTest {

    @LocalServerPort
    int port;

    @Autowired
    ResourceServerTestData data;

    @Autowired
    UserTestData users;

    @Autowired
    ResourceServerAdministration servers;

    @Autowired
    TokenService tokens;

    @Autowired
    AuditLog audit;

    @Test
    void registers_a_server_shows_its_secret_once_and_the_credential_then_works_at_introspection() throws Exception {
        signInAsAdministrator();
        String prefix = data.unique("billing");
        String name = "Billing " + prefix;

        _click(_get(Button.class, spec -> spec.withText("New Resource Server")));
        _setValue(field("Name"), name);
        _setValue(field("Identifier"), "https://" + prefix + ".example.com");
        _setValue(scopeFields().getFirst(), prefix + ":read");
        _setValue(descriptionFields().getFirst(), "Read invoices");
        _click(_get(Button.class, spec -> spec.withText("Add Scope")));
        _setValue(scopeFields().getLast(), prefix + ":write");
        _setValue(descriptionFields().getLast(), "Send invoices");
        _click(_get(Button.class, spec -> spec.withText("Register")));

        String clientId = field("Client ID").getValue();
        var secretField = field("Client secret of “" + name + "”");
        String secret = secretField.getValue();
        assertThat(clientId).startsWith("rs_");
        assertThat(secret).startsWith("tkc_");
        assertThat(secretField.isReadOnly()).isTrue();
        assertThat(PageContent.contains(secret))
                .as("shown while the dialog is open")
                .isTrue();
        int row = rowOf(name);
        assertThat(GridKt._getFormatted(grid(), row, "clientId")).isEqualTo(clientId);
        assertThat(GridKt._getFormatted(grid(), row, "scopes")).isEqualTo(prefix + ": read, write");
        assertThat(GridKt._getFormatted(grid(), row, "status")).isEqualTo("Enabled");

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Copy to Clipboard")));
        NotificationsKt.expectNotifications("The client secret has been copied to your clipboard.");
        _click(_get(Button.class, spec -> spec.withText("Copy to Clipboard & Close")));

        _assertNoDialogs();
        assertThat(PageContent.contains(secret)).isFalse();
        clickRowAction(name, "Edit");
        assertThat(PageContent.contains(secret))
                .as("not in the Edit dialog either")
                .isFalse();
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        UI.getCurrent().navigate(ProfileView.class);
        UI.getCurrent().navigate(ResourceServersView.class);
        assertThat(PageContent.contains(secret)).isFalse();
        assertThat(audit.search(AuditFilter.ALL, 0, 20))
                .allSatisfy(event -> assertThat(event.details()).doesNotContain(secret));

        var token = data.aToken(users.aUserWithApiAccess(), List.of(prefix + ":read"), List.of());
        var answer = json(introspect(
                port, basic(clientId, secret), "token=" + token.secret().reveal()));
        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("scope").asString()).isEqualTo(prefix + ":read");
        assertThat(answer.get("aud").asString()).isEqualTo("https://" + prefix + ".example.com");
    }

    @Test
    void a_malformed_scope_name_is_marked_on_its_field_and_nothing_is_registered() {
        signInAsAdministrator();
        int before = servers.list(data.administrator()).size();
        String prefix = data.unique("shipping");

        _click(_get(Button.class, spec -> spec.withText("New Resource Server")));
        _setValue(field("Name"), "Shipping " + prefix);
        _setValue(field("Identifier"), "https://" + prefix + ".example.com");
        var scope = scopeFields().getFirst();
        _setValue(scope, "Shipping:Read");
        _setValue(descriptionFields().getFirst(), "Track parcels");

        assertThat(scope.isInvalid()).as("marked as it is typed").isTrue();
        assertThat(scope.getErrorMessage()).isEqualTo(Scope.RULE + " \"Shipping:Read\" is not.");
        _click(_get(Button.class, spec -> spec.withText("Register")));

        assertThat(scope.isInvalid()).isTrue();
        assertThat(scope.getErrorMessage()).startsWith("Use two lower-case words joined by a colon");
        assertThat(servers.list(data.administrator())).hasSize(before);

        _setValue(scope, prefix + ":read");
        assertThat(scope.isInvalid()).isFalse();
    }

    @Test
    void the_domains_other_rules_show_on_the_fields_they_are_about() {
        signInAsAdministrator();
        var taken = data.aServer();
        String prefix = data.unique("stock");

        _click(_get(Button.class, spec -> spec.withText("New Resource Server")));
        _setValue(field("Name"), "Stock " + prefix);
        _setValue(field("Identifier"), "not a uri");
        _setValue(scopeFields().getFirst(), prefix + ":read");
        _setValue(descriptionFields().getFirst(), "Read stock");
        _click(_get(Button.class, spec -> spec.withText("Register")));
        assertThat(field("Identifier").getErrorMessage())
                .isEqualTo("Enter an absolute URI such as https://orders.example.com or urn:example:orders.");

        _setValue(field("Identifier"), "https://" + prefix + ".example.com");
        _setValue(scopeFields().getFirst(), taken.read());
        _click(_get(Button.class, spec -> spec.withText("Register")));
        assertThat(field("Identifier").isInvalid()).isFalse();
        var scopes = _get(CustomField.class, spec -> spec.withLabel("Scopes"));
        assertThat(scopes.isInvalid()).isTrue();
        assertThat(scopes.getErrorMessage())
                .isEqualTo("Another resource server already defines one of these scopes; scope names are unique.");

        _setValue(scopeFields().getFirst(), prefix + ":read");
        _setValue(field("Name"), taken.registered().server().name());
        _click(_get(Button.class, spec -> spec.withText("Register")));
        assertThat(field("Name").getErrorMessage()).isEqualTo("Another resource server already has this name.");
        assertThat(scopes.isInvalid()).isFalse();
    }

    @Test
    void regenerating_asks_first_then_shows_the_new_secret_once_and_the_old_one_stops_working() throws Exception {
        var orders = data.aServer();
        var token = data.aToken(users.aUserWithApiAccess(), List.of(orders.read()), List.of());
        assertThat(active(orders.basic(), token.secret().reveal())).isTrue();
        signInAsAdministrator();
        String name = orders.registered().server().name();

        clickRowAction(name, "Regenerate Secret");
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Regenerate the secret of “" + name + "”?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(field("Client ID").getValue()).isEqualTo(orders.clientId());
        String secret = field("New client secret of “" + name + "”").getValue();
        assertThat(secret).startsWith("tkc_").isNotEqualTo(orders.secret());
        _click(_get(Button.class, spec -> spec.withText("Copy to Clipboard & Close")));
        assertThat(PageContent.contains(secret)).isFalse();

        assertThat(within1Second(
                        () -> introspect(
                                        port,
                                        orders.basic(),
                                        "token=" + token.secret().reveal())
                                .statusCode(),
                        status -> status == 401))
                .as("the old secret")
                .isEqualTo(401);
        assertThat(active(basic(orders.clientId(), secret), token.secret().reveal()))
                .isTrue();
    }

    @Test
    void disables_after_confirmation_and_enables_again() throws Exception {
        var orders = data.aServer();
        signInAsAdministrator();
        String name = orders.registered().server().name();

        clickRowAction(name, "Disable");
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Disable “" + name + "”?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(GridKt._getFormatted(grid(), rowOf(name), "status")).isEqualTo("Disabled");
        assertThat(stored(orders).enabled()).isFalse();

        clickRowAction(name, "Enable");

        assertThat(GridKt._getFormatted(grid(), rowOf(name), "status")).isEqualTo("Enabled");
        assertThat(stored(orders).enabled()).isTrue();
    }

    @Test
    void deleting_a_server_whose_scopes_tokens_hold_says_how_many_and_takes_the_scopes_from_them() {
        var orders = data.aServer();
        var alice = users.aUserWithApiAccess();
        var reader = data.aToken(alice, List.of(orders.read(), "tokenkeeper:read"), List.of());
        data.aToken(alice, List.of(orders.read(), orders.write()), List.of());
        var revoked = data.aToken(alice, List.of(orders.write()), List.of());
        tokens.revoke(new Actor(alice, null), revoked.token().id());
        signInAsAdministrator();
        String name = orders.registered().server().name();

        clickRowAction(name, "Delete");
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Delete “" + name + "”?");
        assertThat(ConfirmDialogKt.getText(confirm))
                .startsWith("2 tokens hold its scopes (" + orders.read() + ", " + orders.write() + ")")
                .contains("removes them from those tokens")
                .endsWith("This cannot be undone.");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(servers.list(data.administrator()))
                .extracting(ResourceServer::name)
                .contains(name);

        clickRowAction(name, "Delete");
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).getLast());

        NotificationsKt.expectNotifications("Deleted “" + name + "”.");
        assertThat(servers.list(data.administrator()))
                .extracting(ResourceServer::name)
                .doesNotContain(name);
        assertThat(IntStream.range(0, GridKt._size(grid())).mapToObj(row -> GridKt._getFormatted(grid(), row, "name")
                        .strip()))
                .doesNotContain(name);
        assertThat(tokens.listOwn(new Actor(alice, null))).allSatisfy(token -> assertThat(token.scopes())
                .noneMatch(scope -> scope.namespace().equals(orders.prefix())));
        assertThat(tokens.listOwn(new Actor(alice, null)))
                .filteredOn(token -> token.id().equals(reader.token().id()))
                .singleElement()
                .satisfies(token -> assertThat(token.scopes()).containsExactly(Scope.TOKENKEEPER_READ));
    }

    @Test
    void editing_away_a_scope_that_a_token_holds_asks_first_with_the_count() {
        var orders = data.aServer();
        var alice = users.aUserWithApiAccess();
        var writer = data.aToken(alice, List.of(orders.write()), List.of());
        signInAsAdministrator();
        String name = orders.registered().server().name();

        clickRowAction(name, "Edit");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Remove scope 2")));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm))
                .isEqualTo("1 token holds " + orders.write() + ". Confirm to remove the scope from them, or keep it.");
        assertThat(stored(orders).scopeNames()).hasSize(2);
        ConfirmDialogKt._fireConfirm(confirm);

        _assertNoDialogs();
        assertThat(stored(orders).scopeNames()).containsExactly(new Scope(orders.read()));
        assertThat(GridKt._getFormatted(grid(), rowOf(name), "scopes")).isEqualTo(orders.prefix() + ": read");
        assertThat(tokens.listOwn(new Actor(alice, null)))
                .filteredOn(token -> token.id().equals(writer.token().id()))
                .singleElement()
                .satisfies(token -> assertThat(token.scopes()).isEmpty());
    }

    @Test
    void tokenkeepers_own_api_comes_first_marked_built_in_and_without_actions() {
        signInAsAdministrator();

        assertThat(GridKt._getFormatted(grid(), 0, "name"))
                .contains("Tokenkeeper")
                .contains("Built in");
        assertThat(GridKt._getFormatted(grid(), 0, "clientId")).isEqualTo("None");
        assertThat(GridKt._getFormatted(grid(), 0, "scopes")).isEqualTo("tokenkeeper: read, write");
        assertThat(RowActionClicks.actionsLabel(grid(), 0))
                .as("no actions, so a hidden button")
                .isEmpty();
    }

    @Test
    void a_user_who_is_not_an_administrator_neither_sees_nor_opens_the_page() {
        var user = users.aUser(EnumSet.of(Privilege.API_ACCESS));
        TestSignIn.as(user);
        UI.getCurrent().navigate(ProfileView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Resource Servers");

        UI.getCurrent().navigate("administration/resource-servers");

        NavigatorKt.expectView(AccessDeniedView.class);
        _assertNone(Grid.class);
        assertThatThrownBy(() -> servers.list(new Actor(user, null))).isInstanceOf(NotAllowedException.class);
    }

    private void signInAsAdministrator() {
        TestSignIn.as(data.administrator().user());
        UI.getCurrent().navigate(ResourceServersView.class);
        NavigatorKt.expectView(ResourceServersView.class);
    }

    private ResourceServer stored(ResourceServerTestData.Registered server) {
        return servers.find(data.administrator(), server.registered().server().id());
    }

    private boolean active(String credential, String token) throws Exception {
        return json(introspect(port, credential, "token=" + token))
                .get("active")
                .asBoolean();
    }

    private static TextField field(String label) {
        return _get(TextField.class, spec -> spec.withLabel(label));
    }

    private static List<TextField> scopeFields() {
        return _find(TextField.class, spec -> spec.withLabel("Scope"));
    }

    private static List<TextField> descriptionFields() {
        return _find(TextField.class, spec -> spec.withLabel("One-line description"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ResourceServer> grid() {
        return _get(Grid.class, spec -> spec.withAttribute("aria-label", "Resource servers"));
    }

    /** The row of the server named so; the shared database holds other tests' servers too. */
    private static int rowOf(String name) {
        var grid = grid();
        return IntStream.range(0, GridKt._size(grid))
                .filter(row -> GridKt._getFormatted(grid, row, "name").strip().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row named " + name + " among "
                        + IntStream.range(0, GridKt._size(grid))
                                .mapToObj(row -> "[" + GridKt._getFormatted(grid, row, "name") + "]")
                                .toList()));
    }

    private static void clickRowAction(String name, String action) {
        RowActionClicks.clickRowAction(grid(), rowOf(name), action);
    }
}
