package io.tokenkeeper.app.token;

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
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import io.tokenkeeper.app.base.KaribuTest;
import io.tokenkeeper.app.base.RowActionClicks;
import io.tokenkeeper.app.resourceserver.ResourceServerTestData;
import io.tokenkeeper.app.security.TestSignIn;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.resourceserver.ResourceIdentifier;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.ExpiryChoice;
import io.tokenkeeper.domain.token.ManagedToken;
import io.tokenkeeper.domain.token.Overlap;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.ui.base.AccessDeniedView;
import io.tokenkeeper.ui.token.TokenManagementView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared test database holds other tests' users and tokens, so each test creates owners whose usernames start
 * with a fresh tag, and searches for that tag or for those usernames.
 */
class TokenManagementViewTest extends KaribuTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String SEARCH_PLACEHOLDER = "Owner, token name or first characters";

    @Autowired
    UserTestData users;

    @Autowired
    UserStore userStore;

    @Autowired
    TokenService tokens;

    @Autowired
    TokenAdministration administration;

    @Autowired
    AuditLog audit;

    @Autowired
    TokenLifecycle lifecycle;

    @Autowired
    CanaryTokens canaries;

    @Autowired
    DSLContext dsl;

    @Autowired
    ResourceServerTestData servers;

    @Autowired
    TokenUsage usage;

    private String tag = "";
    private @Nullable User admin;

    @BeforeEach
    void freshTag() {
        tag = "tm" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 1_000_000;
    }

    @Test
    void a_user_who_is_not_an_administrator_is_denied_the_page_and_the_service() {
        var user = users.aUserWithApiAccess();
        TestSignIn.as(user);

        UI.getCurrent().navigate("administration/tokens");

        NavigatorKt.expectView(AccessDeniedView.class);
        _assertNone(Grid.class);
        var actor = new Actor(user, "192.0.2.1");
        assertThatThrownBy(() -> administration.search(actor, TokenSearch.ALL, 0, 50))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Only administrators can manage everyone's tokens.");
        assertThatThrownBy(() -> administration.freeze(actor, user.username().value(), "because"))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void an_administrator_who_lost_the_privilege_after_signing_in_is_denied_the_page() {
        var admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        TestSignIn.as(admin);
        dsl.execute(
                "delete from user_privilege where user_id = ? and privilege = 'ADMINISTRATOR'",
                admin.id().value());

        UI.getCurrent().navigate(TokenManagementView.class);

        NavigatorKt.expectView(AccessDeniedView.class);
        _assertNone(Grid.class);
    }

    @Test
    void an_administrator_sees_everyones_tokens_with_their_owners_newest_first() {
        var owner = owner("ann");
        var older = generate(owner, "older");
        var newer = generate(owner, "newer");
        signInAsAdministrator();

        _get(H2.class, spec -> spec.withText("Token Management"));
        search(owner.username().value());

        var grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("newer");
        assertThat(GridKt._getFormatted(grid, 0, "token"))
                .isEqualTo(newer.hint().value());
        assertThat(GridKt._getFormatted(grid, 0, "owner"))
                .isEqualTo(owner.username().value());
        assertThat(GridKt._getFormatted(grid, 0, "lastUsed")).isEqualTo("Never");
        assertThat(GridKt._getFormatted(grid, 0, "expires")).isEqualTo("Never");
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Enabled");
        assertThat(GridKt._getFormatted(grid, 1, "name")).isEqualTo("older");
        assertThat(older.createdAt()).isBeforeOrEqualTo(newer.createdAt());
    }

    @Test
    void each_row_and_the_details_say_at_which_resource_server_the_token_was_last_used() {
        var orders = servers.aServer();
        var ordersName = orders.registered().server().name();
        var owner = owner("ann");
        var token = generate(owner, "both", orders.read(), "tokenkeeper:read");
        usage.recordUse(token.id(), Instant.now(), "192.0.2.10", identifier(orders));
        signInAsAdministrator();

        search(owner.username().value());
        assertThat(GridKt._getFormatted(grid(), 0, "lastUsed")).endsWith(" at " + ordersName);

        usage.recordUse(token.id(), Instant.now(), "192.0.2.10", ResourceIdentifier.TOKENKEEPER.value());
        UI.getCurrent().navigate(TokenManagementView.class);
        search(owner.username().value());
        assertThat(GridKt._getFormatted(grid(), 0, "lastUsed")).endsWith(" at Tokenkeeper");
        clickRowAction("Details");
        _get(Span.class, spec -> spec.withText("Tokenkeeper (urn:tokenkeeper:api)"));
    }

    @Test
    void the_resource_server_filter_keeps_the_tokens_holding_one_of_its_scopes() {
        var orders = servers.aServer();
        var owner = owner("ann");
        generate(owner, "both", orders.write(), "tokenkeeper:read");
        generate(owner, "orders only", orders.read());
        generate(owner, "tokenkeeper only", "tokenkeeper:read", "tokenkeeper:write");
        signInAsAdministrator();
        search(owner.username().value());

        chooseResourceServer(orders.registered().server().name());
        assertThat(column("name")).containsExactlyInAnyOrder("both", "orders only");

        chooseResourceServer("Tokenkeeper");
        assertThat(column("name")).containsExactlyInAnyOrder("both", "tokenkeeper only");

        _setValue(_get(Select.class, spec -> spec.withLabel("Resource server")), null);
        assertThat(column("name")).containsExactlyInAnyOrder("both", "orders only", "tokenkeeper only");
    }

    @Test
    void the_search_narrows_the_grid_by_owner_name_or_first_characters() {
        var ann = owner("ann");
        var bob = owner("bob");
        generate(ann, "deploy " + tag);
        var backup = generate(ann, "backup");
        generate(bob, "laptop " + tag);
        signInAsAdministrator();

        search(tag);
        assertThat(column("owner"))
                .containsOnly(ann.username().value(), bob.username().value());
        assertThat(column("name")).containsExactlyInAnyOrder("deploy " + tag, "backup", "laptop " + tag);

        search(ann.username().value().toUpperCase(Locale.ROOT));
        assertThat(column("name")).containsExactlyInAnyOrder("deploy " + tag, "backup");

        search("LAPTOP " + tag);
        assertThat(column("name")).containsExactly("laptop " + tag);

        search(backup.hint().value());
        assertThat(column("name")).containsExactly("backup");

        search("nothing " + tag);
        assertThat(GridKt._size(grid())).isZero();
        assertThat(grid().getEmptyStateText()).isEqualTo("No tokens match this search.");
    }

    @Test
    void the_created_filter_keeps_tokens_of_the_chosen_period() {
        var owner = owner("ann");
        generate(owner, "recent");
        var old = generate(owner, "three days old");
        dsl.execute(
                "update api_token set created_at = now() - interval '3 days' where id = ?",
                old.id().value());
        signInAsAdministrator();
        search(owner.username().value());
        assertThat(column("name")).containsExactly("recent", "three days old");

        chooseCreated("Past 24 hours");
        assertThat(column("name")).containsExactly("recent");
        chooseCreated("Past hour");
        assertThat(column("name")).containsExactly("recent");
        chooseCreated("Past 7 days");
        assertThat(column("name")).containsExactly("recent", "three days old");
        chooseCreated("Past 30 days");
        assertThat(column("name")).containsExactly("recent", "three days old");

        chooseCreated("Custom range");
        var today = LocalDate.now(ZoneOffset.UTC);
        _setValue(datePicker("From"), today.minusDays(4));
        _setValue(datePicker("To"), today.minusDays(2));
        assertThat(column("name")).containsExactly("three days old");

        _setValue(datePicker("To"), today.minusDays(5));
        assertThat(datePicker("To").isInvalid()).isTrue();
        assertThat(datePicker("To").getErrorMessage()).isEqualTo("The end of the range must come after its start.");

        chooseCreated("Any time");
        _assertNone(DatePicker.class);
        assertThat(column("name")).containsExactly("recent", "three days old");
    }

    @Test
    void sorts_by_the_column_the_administrator_chooses() {
        var owner = owner("ann");
        generate(owner, "beta");
        generate(owner, "alpha");
        generate(owner, "gamma");
        signInAsAdministrator();
        search(owner.username().value());
        assertThat(column("name")).containsExactly("gamma", "alpha", "beta");

        var grid = grid();
        grid.sort(GridSortOrder.asc(grid.getColumnByKey("name")).build());
        assertThat(column("name")).containsExactly("alpha", "beta", "gamma");

        grid.sort(GridSortOrder.desc(grid.getColumnByKey("name")).build());
        assertThat(column("name")).containsExactly("gamma", "beta", "alpha");

        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("created"), SortDirection.ASCENDING)));
        assertThat(column("name")).containsExactly("beta", "alpha", "gamma");
    }

    @Test
    void disables_enables_and_revokes_anyones_token_from_the_grid() {
        var owner = owner("ann");
        var token = generate(owner, "CI deploy");
        signInAsAdministrator();
        search(owner.username().value());

        clickRowAction("Disable");
        assertThat(GridKt._getFormatted(grid(), 0, "status")).isEqualTo("Disabled");
        assertThat(ownTokens(owner)).singleElement().satisfies(found -> assertThat(found.enabled())
                .isFalse());

        clickRowAction("Enable");
        assertThat(GridKt._getFormatted(grid(), 0, "status")).isEqualTo("Enabled");
        assertThat(ownTokens(owner).getFirst().enabled()).isTrue();

        clickRowAction("Revoke");
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm))
                .isEqualTo("Revoke “CI deploy” of " + owner.username().value() + "?");
        assertThat(ConfirmDialogKt.getText(confirm)).contains("cannot be undone");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(ownTokens(owner)).hasSize(1);

        clickRowAction("Revoke");
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).getLast());

        assertThat(ownTokens(owner)).isEmpty();
        assertThat(GridKt._size(grid())).isZero();
        assertThat(audit.search(AuditFilter.ALL, 0, 50)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.TOKEN_REVOKED);
            assertThat(event.targetId()).isEqualTo(Long.toString(token.id().value()));
            assertThat(event.details()).contains("by an administrator (owner: " + owner.username() + ")");
        });
    }

    @Test
    void rotating_and_canary_tokens_say_so_in_place_of_their_status() {
        var owner = owner("rita");
        var rotating = generate(owner, "rotating");
        generate(owner, "steady");
        canaries.create(new Actor(owner, null), "decoy");
        lifecycle.regenerate(new Actor(owner, null), rotating.id(), Overlap.ONE_DAY, ExpiryChoice.KEEP);
        signInAsAdministrator();
        search(owner.username().value());

        assertThat(column("status"))
                .hasSize(3)
                .contains("Enabled", "Canary \u2014 alerts on any use")
                .anyMatch(status -> status.startsWith("Rotating \u2014 old value stops at "));
    }

    @Test
    void freezing_then_unfreezing_restores_exactly_the_frozen_tokens() {
        var owner = owner("ann");
        var first = generate(owner, "first");
        var second = generate(owner, "second");
        var disabledBefore = generate(owner, "disabled before");
        tokens.disable(new Actor(owner, null), disabledBefore.id());
        var bystander = generate(owner("bob"), "bystander");
        signInAsAdministrator();
        search(owner.username().value());

        _click(_get(Button.class, spec -> spec.withText("Freeze Tokens")));
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Username")),
                owner.username().value());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Reason")), "Laptop stolen");
        _click(_get(Button.class, spec -> spec.withText("Freeze")));

        assertThat(listItems())
                .containsExactly(
                        "“second” (" + second.hint().value() + ")",
                        "“first” (" + first.hint().value() + ")");
        assertThat(ownTokens(owner)).noneMatch(Token::enabled);
        assertThat(stored(bystander).enabled()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Close")));
        assertThat(column("status")).containsExactlyInAnyOrder("Frozen", "Frozen", "Disabled");

        _click(_get(Button.class, spec -> spec.withText("Unfreeze Tokens")));
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Username")),
                owner.username().value());
        _click(_get(Button.class, spec -> spec.withText("Unfreeze")));

        assertThat(listItems())
                .containsExactly(
                        "“second” (" + second.hint().value() + ")",
                        "“first” (" + first.hint().value() + ")");
        _click(_get(Button.class, spec -> spec.withText("Close")));
        assertThat(stored(first).enabled()).isTrue();
        assertThat(stored(second).enabled()).isTrue();
        assertThat(stored(disabledBefore).enabled()).isFalse();
        assertThat(column("status")).containsExactlyInAnyOrder("Enabled", "Enabled", "Disabled");
        assertThat(audit.search(AuditFilter.ALL, 0, 50))
                .filteredOn(event -> owner.username().value().equals(event.targetName()))
                .extracting(event -> event.action())
                .startsWith(AuditAction.TOKENS_UNFROZEN, AuditAction.TOKENS_FROZEN);
    }

    @Test
    void the_freeze_dialogs_show_what_is_wrong_on_their_fields() {
        var owner = owner("ann");
        generate(owner, "deploy");
        signInAsAdministrator();

        _click(_get(Button.class, spec -> spec.withText("Freeze Tokens")));
        var username = _get(TextField.class, spec -> spec.withLabel("Username"));
        var reason = _get(TextField.class, spec -> spec.withLabel("Reason"));
        _setValue(username, "nobody-" + tag);
        _setValue(reason, "Laptop stolen");
        _click(_get(Button.class, spec -> spec.withText("Freeze")));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("There is no user with this username.");

        _setValue(username, owner.username().value());
        _setValue(reason, " ");
        _click(_get(Button.class, spec -> spec.withText("Freeze")));
        assertThat(username.isInvalid()).isFalse();
        assertThat(reason.getErrorMessage()).isEqualTo("Enter a reason.");
        assertThat(ownTokens(owner).getFirst().enabled()).isTrue();

        _setValue(reason, "Laptop stolen");
        _click(_get(Button.class, spec -> spec.withText("Freeze")));
        _get(ListItem.class);
        NotificationsKt.expectNotifications("Froze 1 token of " + owner.username() + ".");
        _click(_get(Button.class, spec -> spec.withText("Close")));

        _click(_get(Button.class, spec -> spec.withText("Freeze Tokens")));
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Username")),
                owner.username().value());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Reason")), "Twice");
        _click(_get(Button.class, spec -> spec.withText("Freeze")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Username")).getErrorMessage())
                .isEqualTo(owner.username() + "'s tokens are already frozen.");
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        _assertNone(Dialog.class);

        administration.unfreeze(admin(), owner.username().value());
        _click(_get(Button.class, spec -> spec.withText("Unfreeze Tokens")));
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Username")),
                owner.username().value());
        _click(_get(Button.class, spec -> spec.withText("Unfreeze")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Username")).getErrorMessage())
                .isEqualTo(owner.username() + "'s tokens are not frozen.");
        NotificationsKt.expectNoNotifications();
    }

    private void signInAsAdministrator() {
        admin = users.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));
        TestSignIn.as(admin);
        UI.getCurrent().navigate(TokenManagementView.class);
    }

    private Actor admin() {
        return new Actor(Objects.requireNonNull(admin), "192.0.2.1");
    }

    /** A user with API Access whose username starts with this test's tag. */
    private User owner(String name) {
        return userStore.create(
                new NewUser(
                        new Username(tag + "-" + name),
                        DisplayName.of(name),
                        null,
                        "{noop}unused",
                        Set.of(Privilege.API_ACCESS)),
                Instant.now());
    }

    private Token generate(User owner, String name) {
        return tokens.generate(new Actor(owner, null), name, null).token();
    }

    private Token generate(User owner, String name, String... scopes) {
        return tokens.generate(new Actor(owner, null), new TokenRequest(name, null, List.of(scopes), List.of()))
                .token();
    }

    private static String identifier(ResourceServerTestData.Registered server) {
        return server.registered().server().identifier().value();
    }

    private List<Token> ownTokens(User owner) {
        return tokens.listOwn(new Actor(owner, null));
    }

    private Token stored(Token token) {
        return administration
                .search(admin(), TokenSearch.ALL.matching(token.hint().value()), 0, 10)
                .stream()
                .map(ManagedToken::token)
                .filter(found -> found.id().equals(token.id()))
                .findFirst()
                .orElseThrow();
    }

    private static void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder(SEARCH_PLACEHOLDER)), text);
    }

    private static void chooseCreated(String label) {
        choose("Created", label);
    }

    private static void chooseResourceServer(String name) {
        choose("Resource server", name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void choose(String selectLabel, String label) {
        Select select = _get(Select.class, spec -> spec.withLabel(selectLabel));
        Object item = select.getListDataView()
                .getItems()
                .filter(candidate -> label.equals(select.getItemLabelGenerator().apply(candidate)))
                .findFirst()
                .orElseThrow();
        _setValue(select, item);
    }

    private static DatePicker datePicker(String label) {
        return _get(DatePicker.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ManagedToken> grid() {
        return _get(Grid.class);
    }

    private static List<String> column(String key) {
        var grid = grid();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._getFormatted(grid, row, key))
                .toList();
    }

    private static List<String> listItems() {
        return _find(ListItem.class).stream().map(ListItem::getText).toList();
    }

    private static void clickRowAction(String text) {
        RowActionClicks.clickRowAction(grid(), 0, text);
    }
}
