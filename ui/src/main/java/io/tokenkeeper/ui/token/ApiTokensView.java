package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.server.VaadinRequest;
import io.tokenkeeper.domain.activity.ActivityService;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.token.CanaryTokens;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.ui.base.Actions;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.RowActions;
import io.tokenkeeper.ui.user.UserInformationLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
    private final TokenAuthenticator authenticator;

    /** Made when there is a first token to show: a grid costs every session memory, an empty one for nothing. */
    private @Nullable Grid<Token> grid;

    private final Div emptyState = new Div();
    private final Button addToken = new Button("Add New Token", VaadinIcon.PLUS.create());
    private final Span quotaMessage = new Span();
    private final Button addCanary = new Button("Add Canary Token", VaadinIcon.BUG.create());
    private List<Token> shown = List.of();
    private final LifecycleActions lifecycle;
    private Map<TokenId, Rotation> rotations = Map.of();
    private final CanaryTokens canaryTokens;
    private Set<TokenId> canaries = Set.of();
    private Set<TokenId> frozen = Set.of();

    public ApiTokensView(
            TokenService tokens,
            PolicyService policies,
            CurrentUser currentUser,
            Clock clock,
            TokenAuthenticator authenticator,
            TokenLifecycle tokenLifecycle,
            ActivityService activity,
            CanaryTokens canaryTokens) {
        this.canaryTokens = canaryTokens;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.policies = policies;
        this.currentUser = currentUser;
        this.clock = clock;
        this.lifecycle = new LifecycleActions(tokenLifecycle, activity, policies, this::actor, clock, this::refresh);
        var layout = getContent();
        layout.setPadding(false);
        layout.add(createToolbar(), emptyState);
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
        var toolbar = new HorizontalLayout(addToken, createCanaryButton(), quotaMessage);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);
        var wrapper = new VerticalLayout(intro, toolbar);
        wrapper.setPadding(false);
        return wrapper;
    }

    private Grid<Token> createGrid() {
        var tokenGrid = new Grid<Token>();
        var columns = new TokenColumns<>(tokenGrid, token -> token, clock);
        columns.name().setSortable(true);
        columns.hint();
        columns.created().setSortable(true);
        columns.lastUsed();
        columns.expires();
        columns.status(token -> {
            if (canaries.contains(token.id())) {
                return TokenColumns.CANARY;
            }
            return frozen.contains(token.id())
                    ? TokenColumns.FROZEN
                    : LifecycleActions.rotatingBadge(rotations.get(token.id()));
        });
        columns.scopes();
        columns.summary(TokenColumns::scopes);
        RowActions.addColumn(tokenGrid, this::createActions);
        tokenGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.setWidthFull();
        tokenGrid.getElement().setAttribute("aria-label", "API tokens");
        return tokenGrid;
    }

    private RowActions createActions(Token token) {
        String name = quoted(token.name().value());
        return new RowActions(name)
                .add("Details", lifecycle.details(token))
                .add("Rename", () -> openRenameDialog(token))
                .add("Regenerate", lifecycle.regenerate(token))
                .add("Extend Expiry", lifecycle.extend(token))
                .add(token.enabled() ? "Disable" : "Enable", () -> toggle(token, name))
                .add("Revoke", () -> confirmRevoke(token));
    }

    private void toggle(Token token, String name) {
        if (token.enabled()) {
            perform(() -> tokens.disable(actor(), token.id()), "Disabled " + name + ".");
        } else {
            perform(() -> tokens.enable(actor(), token.id()), "Enabled " + name + ".");
        }
    }

    /** Add Canary Token: a decoy that never authenticates and alerts on any use; it counts towards the quota. */
    private Button createCanaryButton() {
        addCanary.addClickListener(
                event -> new CanaryTokenDialog(name -> canaryTokens.create(actor(), name), this::refresh).open());
        return addCanary;
    }

    private void openNewTokenDialog() {
        var usedKeys = shown.stream().map(token -> token.name().key()).collect(Collectors.toSet());
        var actor = actor();
        var usage = new NewTokenDialog.Usage(
                actor.user().username().value(),
                apiBaseUrl(),
                secret -> TokenTest.run(authenticator, secret, actor.clientAddress()));
        var dialog = new NewTokenDialog(
                request -> tokens.generate(actor(), request),
                usedKeys,
                this::refresh,
                this::focusAfterChange,
                clock,
                policies.current().maxLifetimeDays(),
                tokens.scopeChoices(actor),
                usage);
        dialog.open();
    }

    private void openRenameDialog(Token token) {
        new RenameTokenDialog(token, newName -> {
                    var renamed = tokens.rename(actor(), token.id(), newName);
                    Notifications.success(
                            "Renamed the token to " + quoted(renamed.name().value()) + ".");
                    refresh();
                })
                .open();
    }

    private void confirmRevoke(Token token) {
        String name = quoted(token.name().value());
        Confirmations.destructive(
                        "Revoke " + name + "?",
                        "Apps and scripts that use this token stop working at once. This cannot be undone.",
                        "Revoke",
                        () -> {
                            perform(() -> tokens.revoke(actor(), token.id()), "Revoked " + name + ".");
                            focusAfterChange();
                        })
                .open();
    }

    /** After a dialog closed or a row left the list: the focus goes to Add New Token, or the list when it is off. */
    private void focusAfterChange() {
        if (addToken.isEnabled()) {
            addToken.focus();
        } else {
            focusGrid();
        }
    }

    private void focusGrid() {
        if (grid != null && grid.isVisible()) {
            grid.focus();
        }
    }

    /** Carries out a row's action; the row is drawn anew, so the focus goes back to the grid, near where it was. */
    private void perform(Runnable action, String success) {
        Actions.perform(action, success, () -> {
            refresh();
            focusGrid();
        });
    }

    private void refresh() {
        var actor = actor();
        shown = tokens.listOwn(actor);
        rotations = lifecycle.ongoingRotations();
        canaries = canaryTokens.canaries(actor);
        frozen = tokens.frozen(actor);
        if (grid == null && !shown.isEmpty()) {
            grid = createGrid();
            getContent().addComponentAtIndex(1, grid);
        }
        if (grid != null) {
            grid.setItems(shown);
            grid.setVisible(!shown.isEmpty());
        }

        var quota = tokens.quota(actor);
        emptyState.removeAll();
        if (shown.isEmpty()) {
            emptyState.add(
                    new H3(EMPTY), new Paragraph(EMPTY_HINT + quota.quota().max() + "."));
        }
        emptyState.setVisible(shown.isEmpty());

        // The message beside the buttons says why they are off (no tooltips: each would cost every session a
        // component to repeat what is already on the page).
        addToken.setEnabled(quota.canGenerate());
        addCanary.setEnabled(quota.canGenerate());
        quotaMessage.setText(quota.canGenerate() ? "" : quota.limitAdvice());
    }

    /** Where this page was reached, e.g. https://tokens.example.com, for the curl line. */
    private static String apiBaseUrl() {
        var request = VaadinRequest.getCurrent();
        var host = request == null ? null : request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return "http://localhost:8080";
        }
        return (request.isSecure() ? "https://" : "http://") + host + request.getContextPath();
    }

    private Actor actor() {
        return currentUser.actor();
    }
}
