package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserSummary;
import io.tokenkeeper.ui.base.Actions;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.NarrowScreen;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.RowActions;
import io.tokenkeeper.ui.base.StatusBadge;
import io.tokenkeeper.ui.base.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.stream.Collectors;

/**
 * Administration › Users: everyone who can sign in, searched and paged in the database (the grid never holds more
 * than the rows on screen), with their privileges, status and token count.
 */
@Route("administration/users")
@PageTitle("Users | Tokenkeeper")
@Menu(title = "Users", order = 20, icon = "vaadin:users")
@RolesAllowed("ADMINISTRATOR")
public final class UsersView extends Composite<VerticalLayout> {

    private final UserAdministration users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TextField search = new TextField();
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserAdministration users, CurrentUser currentUser, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.currentUser = currentUser;
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.setSizeFull();
        layout.add(new H2("Users"), createToolbar(), createGrid());
    }

    private Component createToolbar() {
        search.setPlaceholder("Username, name or email");
        search.setAriaLabel("Search users");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        search.setWidth("24rem");
        search.setMaxWidth("100%");
        var add = new Button("New User", VaadinIcon.PLUS.create(), event -> openNewUserDialog());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new HorizontalLayout(search, add);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        return toolbar;
    }

    private Grid<UserSummary> createGrid() {
        var wide = new ArrayList<Grid.Column<UserSummary>>();
        wide.add(grid.addColumn(LitRenderer.<UserSummary>of("<span dir=\"auto\">${item.username}</span>")
                        .withProperty("username", row -> row.user().username().value()))
                .setHeader("Username")
                .setKey("username")
                .setTooltipGenerator(row -> row.user().username().value()));
        wide.add(grid.addColumn(LitRenderer.<UserSummary>of("<span dir=\"auto\">${item.name}</span>")
                        .withProperty("name", row -> row.user().displayName().value()))
                .setHeader("Display Name")
                .setKey("displayName")
                .setTooltipGenerator(row -> row.user().displayName().value()));
        wide.add(grid.addColumn(row ->
                        row.user().email() == null ? "" : row.user().email().value())
                .setHeader("Email")
                .setKey("email"));
        wide.add(grid.addColumn(row -> privileges(row.user()))
                .setHeader("Privileges")
                .setKey("privileges"));
        wide.add(grid.addColumn(StatusBadge.renderer(UsersView::status))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0));
        wide.add(grid.addColumn(UserSummary::activeTokens)
                .setHeader("Tokens")
                .setKey("tokens")
                .setAutoWidth(true)
                .setFlexGrow(0));
        wide.add(grid.addColumn(row -> Times.relative(row.user().createdAt(), clock.instant()))
                .setHeader("Created")
                .setKey("created")
                .setTooltipGenerator(row -> Times.exact(row.user().createdAt()))
                .setAutoWidth(true)
                .setFlexGrow(0));
        var summary = grid.addColumn(LitRenderer.<UserSummary>of("<div class=\"tk-summary\">"
                                + "<span class=\"tk-name\" dir=\"auto\">${item.username}</span> "
                                + "<span theme=\"${item.theme}\">${item.status}</span>"
                                + "<div class=\"tk-secondary\" dir=\"auto\">${item.name}</div>"
                                + "<div class=\"tk-secondary\">${item.privileges}</div></div>")
                        .withProperty("username", row -> row.user().username().value())
                        .withProperty("name", row -> row.user().displayName().value())
                        .withProperty("status", row -> status(row).label())
                        .withProperty("theme", row -> status(row).theme())
                        .withProperty(
                                "privileges",
                                row -> privileges(row.user()) + " · " + row.activeTokens()
                                        + (row.activeTokens() == 1 ? " token" : " tokens")))
                .setHeader("User")
                .setKey("summary");
        summary.setVisible(false);
        NarrowScreen.follow(grid, narrow -> {
            wide.forEach(column -> column.setVisible(!narrow));
            summary.setVisible(narrow);
        });
        RowActions.addColumn(grid, this::createActions);
        grid.setItems(
                query -> users.search(actor(), search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, users.count(actor(), search.getValue())));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.getElement().setAttribute("aria-label", "Users");
        return grid;
    }

    private static StatusBadge status(UserSummary row) {
        return row.user().enabled() ? StatusBadge.success("Enabled") : StatusBadge.neutral("Disabled");
    }

    private RowActions createActions(UserSummary row) {
        var user = row.user();
        String name = user.username().value();
        var actions = new RowActions(name).add("Edit", () -> openEditDialog(user));
        if (user.enabled()) {
            actions.add("Disable", () -> confirmDisable(user));
        } else {
            actions.add("Enable", () -> perform(() -> users.enable(actor(), user.id()), "Enabled " + name + "."));
        }
        return actions.add("Reset Password", () -> new ResetPasswordDialog(user, (password, confirmation) -> {
                    users.resetPassword(actor(), user.id(), password, confirmation);
                    Notifications.success("The password of " + name + " was reset.");
                })
                .open());
    }

    private void openNewUserDialog() {
        new UserDialog(null, form -> {
                    var created = users.createUser(
                            actor(),
                            form.username(),
                            form.displayName(),
                            form.email(),
                            form.password(),
                            form.privileges());
                    Notifications.success("Created " + created.username() + ".");
                    grid.getDataProvider().refreshAll();
                })
                .open();
    }

    private void openEditDialog(User user) {
        new UserDialog(user, form -> {
                    users.updateUser(actor(), user.id(), form.displayName(), form.email(), form.privileges());
                    Notifications.success("Saved " + user.username() + ".");
                    grid.getDataProvider().refreshAll();
                })
                .open();
    }

    private void confirmDisable(User user) {
        Confirmations.destructive(
                        "Disable " + user.username() + "?",
                        "They can no longer sign in, and every one of their API tokens stops working at once."
                                + " Enabling the account again brings the tokens back.",
                        "Disable",
                        () -> perform(() -> users.disable(actor(), user.id()), "Disabled " + user.username() + "."))
                .open();
    }

    /** Carries out a row's action; the row is drawn anew, so the focus goes back to the grid, near where it was. */
    private void perform(Runnable action, String success) {
        Actions.perform(action, success, () -> {
            grid.getDataProvider().refreshAll();
            grid.focus();
        });
    }

    private static String privileges(User user) {
        if (user.privileges().isEmpty()) {
            return "None";
        }
        return user.privileges().stream().sorted().map(Privilege::label).collect(Collectors.joining(", "));
    }

    private Actor actor() {
        return currentUser.actor();
    }
}
