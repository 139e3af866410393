package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.token.TokenStatus;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.Times;
import io.tokenkeeper.ui.user.UserInformationLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Settings › User Information › API Tokens: the signed-in user's tokens, and the way to create, rename, disable,
 * enable and revoke them. Every action goes through {@link TokenService}, which checks the privilege itself.
 */
@Route(value = UserInformationLayout.PATH + "/api-tokens", layout = UserInformationLayout.class)
@PageTitle("API Tokens | Tokenkeeper")
@Menu(title = "API Tokens", order = 11)
@RolesAllowed("API_ACCESS")
public final class ApiTokensView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String EMPTY = "You have no API tokens yet.";
    static final String EMPTY_HINT =
            "Create one to call the REST API with a token instead of your password. You can have up to ";

    private final TokenService tokens;
    private final PolicyService policies;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final Grid<Token> grid = new Grid<>();
    private final Div emptyState = new Div();
    private final Button addToken = new Button("Add New Token", VaadinIcon.PLUS.create());
    private final Span quotaMessage = new Span();
    private List<Token> shown = List.of();

    public ApiTokensView(TokenService tokens, PolicyService policies, CurrentUser currentUser, Clock clock) {
        this.tokens = tokens;
        this.policies = policies;
        this.currentUser = currentUser;
        this.clock = clock;
        var layout = getContent();
        layout.setPadding(false);
        layout.add(createToolbar(), createGrid(), emptyState);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private Component createToolbar() {
        addToken.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addToken.addClickListener(event -> openNewTokenDialog());
        quotaMessage.addClassName("tk-quota");
        var intro = new Paragraph("Use a token in place of your password when you call the REST API."
                + " Treat it like a password: anyone who has it can act as you.");
        var toolbar = new HorizontalLayout(addToken, quotaMessage);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        var wrapper = new VerticalLayout(intro, toolbar);
        wrapper.setPadding(false);
        return wrapper;
    }

    private Grid<Token> createGrid() {
        grid.addColumn(token -> token.name().value())
                .setHeader("Name")
                .setKey("name")
                .setFlexGrow(2)
                .setSortable(true);
        grid.addColumn(token -> token.hint().value())
                .setHeader("Token")
                .setKey("token")
                .setAutoWidth(true)
                .setPartNameGenerator(token -> "tk-monospace");
        grid.addColumn(token -> Times.format(token.createdAt()))
                .setHeader("Date Created")
                .setKey("created")
                .setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(token -> Times.formatOr(token.lastUsedAt(), "Never"))
                .setHeader("Last Used")
                .setKey("lastUsed")
                .setAutoWidth(true);
        grid.addColumn(token -> Times.formatOr(token.expiresAt(), "Never"))
                .setHeader("Expires")
                .setKey("expires")
                .setAutoWidth(true);
        grid.addColumn(token -> token.statusAt(clock.instant()).label())
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        grid.addComponentColumn(this::createActions)
                .setHeader("Actions")
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.getElement().setAttribute("aria-label", "API tokens");
        return grid;
    }

    private Component createActions(Token token) {
        String name = "“" + token.name().value() + "”";
        var rename = new Button("Rename", event -> openRenameDialog(token));
        rename.setAriaLabel("Rename " + name);
        boolean disabled = token.statusAt(clock.instant()) == TokenStatus.DISABLED || !token.enabled();
        var toggle = disabled
                ? new Button("Enable", event -> act(() -> tokens.enable(actor(), token.id()), "Enabled " + name + "."))
                : new Button(
                        "Disable", event -> act(() -> tokens.disable(actor(), token.id()), "Disabled " + name + "."));
        toggle.setAriaLabel(toggle.getText() + " " + name);
        var revoke = new Button("Revoke", event -> confirmRevoke(token));
        revoke.setAriaLabel("Revoke " + name);
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var button : List.of(rename, toggle, revoke)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        var actions = new HorizontalLayout(rename, toggle, revoke);
        actions.setSpacing(false);
        return actions;
    }

    private void openNewTokenDialog() {
        var usedKeys = shown.stream().map(token -> token.name().key()).collect(Collectors.toSet());
        var dialog = new NewTokenDialog(
                (name, expiresAt) -> tokens.generate(actor(), name, expiresAt),
                usedKeys,
                this::refresh,
                clock,
                policies.current().maxLifetimeDays());
        dialog.open();
    }

    private void openRenameDialog(Token token) {
        new RenameTokenDialog(token, newName -> {
                    var renamed = tokens.rename(actor(), token.id(), newName);
                    Notifications.success(
                            "Renamed the token to “" + renamed.name().value() + "”.");
                    refresh();
                })
                .open();
    }

    private void confirmRevoke(Token token) {
        var confirm = new ConfirmDialog();
        confirm.setHeader("Revoke “" + token.name().value() + "”?");
        confirm.setText("Apps and scripts that use this token stop working at once. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> act(
                () -> tokens.revoke(actor(), token.id()),
                "Revoked “" + token.name().value() + "”."));
        confirm.open();
    }

    private void act(Supplier<Token> action, String success) {
        try {
            action.get();
            Notifications.success(success);
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        var actor = actor();
        shown = tokens.listOwn(actor);
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());

        var quota = tokens.quota(actor);
        emptyState.removeAll();
        emptyState.add(new H3(EMPTY), new Paragraph(EMPTY_HINT + quota.quota().max() + "."));
        emptyState.setVisible(shown.isEmpty());

        addToken.setEnabled(quota.canGenerate());
        quotaMessage.setText(quota.canGenerate() ? "" : quota.limitMessage());
        addToken.setTooltipText(quota.canGenerate() ? "Create a new API token" : quota.limitMessage());
    }

    private io.tokenkeeper.domain.user.Actor actor() {
        return currentUser.actor();
    }
}
