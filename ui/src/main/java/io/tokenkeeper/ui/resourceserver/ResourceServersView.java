package io.tokenkeeper.ui.resourceserver;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.ui.base.Actions;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.NarrowScreen;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.OneTimeValueDialog;
import io.tokenkeeper.ui.base.RowActions;
import io.tokenkeeper.ui.base.ScopeLists;
import io.tokenkeeper.ui.base.StatusBadge;
import io.tokenkeeper.ui.base.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Administration › Resource Servers: the APIs that accept Tokenkeeper tokens, with their scopes and client IDs; new
 * ones registered (the client secret shown once), changed, given a new secret, disabled, enabled and deleted.
 * Tokenkeeper's own API is listed first and cannot be changed. {@link ResourceServerAdministration} checks on every
 * call that the reader is an administrator and audits every change.
 */
@Route("administration/resource-servers")
@PageTitle("Resource Servers | Tokenkeeper")
@Menu(title = "Resource Servers", order = 21.5, icon = "vaadin:server")
@RolesAllowed("ADMINISTRATOR")
public final class ResourceServersView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String INTRODUCTION = "The APIs that accept Tokenkeeper tokens. Each asks Tokenkeeper about a token it"
            + " received (at /oauth2/introspect, or through /auth/forward behind a reverse proxy) with its client ID"
            + " and secret, and learns which of its scopes the token holds. Every change is recorded in the audit log.";
    static final StatusBadge BUILT_IN = StatusBadge.info("Built in");

    private final ResourceServerAdministration servers;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Grid<ResourceServer> grid = new Grid<>();

    public ResourceServersView(ResourceServerAdministration servers, CurrentUser currentUser, Clock clock) {
        this.servers = servers;
        this.currentUser = currentUser;
        this.clock = clock;
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.setSizeFull();
        layout.add(new H2("Resource Servers"), new Paragraph(INTRODUCTION), createToolbar(), createGrid());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private Component createToolbar() {
        var add = new Button("New Resource Server", VaadinIcon.PLUS.create(), event -> openNewDialog());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return add;
    }

    private Grid<ResourceServer> createGrid() {
        var wide = new ArrayList<Grid.Column<ResourceServer>>();
        wide.add(
                grid.addColumn(LitRenderer.<ResourceServer>of("<span class=\"tk-name\" dir=\"auto\">${item.name}</span>"
                                        + " <span theme=\"${item.builtInTheme}\" ?hidden=\"${!item.builtIn}\">"
                                        + "${item.builtInLabel}</span>")
                                .withProperty("name", ResourceServer::name)
                                .withProperty("builtIn", ResourceServer::builtIn)
                                .withProperty("builtInLabel", server -> server.builtIn() ? BUILT_IN.label() : "")
                                .withProperty("builtInTheme", server -> BUILT_IN.theme()))
                        .setHeader("Name")
                        .setKey("name")
                        .setTooltipGenerator(ResourceServer::name)
                        .setFlexGrow(2)
                        .setWidth("9rem"));
        wide.add(grid.addColumn(LitRenderer.<ResourceServer>of("<span class=\"tk-breakable\">${item.identifier}</span>")
                        .withProperty(
                                "identifier", server -> server.identifier().value()))
                .setHeader("Identifier")
                .setKey("identifier")
                .setTooltipGenerator(server -> server.identifier().value())
                .setFlexGrow(2)
                .setWidth("9rem"));
        wide.add(grid.addColumn(ResourceServersView::clientId)
                .setHeader("Client ID")
                .setKey("clientId")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(server -> "tk-monospace"));
        wide.add(grid.addColumn(server -> ScopeLists.compact(server.scopeNames()))
                .setHeader("Scopes")
                .setKey("scopes")
                .setTooltipGenerator(ResourceServersView::scopeDescriptions)
                .setFlexGrow(1)
                .setWidth("7rem"));
        wide.add(grid.addColumn(StatusBadge.renderer(ResourceServersView::status))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0));
        wide.add(grid.addColumn(server -> Times.relative(server.createdAt(), clock.instant()))
                .setHeader("Registered")
                .setKey("created")
                .setTooltipGenerator(server -> Times.exact(server.createdAt()))
                .setAutoWidth(true)
                .setFlexGrow(0));
        // The phone layout's one column is made the first time the window is phone-sized: most sessions never need it.
        var phone = new Object() {
            Grid.@Nullable Column<ResourceServer> summary;
        };
        NarrowScreen.follow(grid, narrow -> {
            if (narrow && phone.summary == null) {
                phone.summary = addSummary();
            }
            wide.forEach(column -> column.setVisible(!narrow));
            if (phone.summary != null) {
                phone.summary.setVisible(narrow);
            }
        });
        RowActions.addColumn(grid, this::createActions);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.getElement().setAttribute("aria-label", "Resource servers");
        return grid;
    }

    /** The name with one badge, and under it the identifier, the scopes and the client ID. */
    private Grid.Column<ResourceServer> addSummary() {
        return grid.addColumn(LitRenderer.<ResourceServer>of("<div class=\"tk-summary\">"
                                + "<span class=\"tk-name\" dir=\"auto\">${item.name}</span> "
                                + "<span theme=\"${item.theme}\">${item.status}</span>"
                                + "<div class=\"tk-secondary tk-breakable\">${item.identifier}</div>"
                                + "<div class=\"tk-secondary\">${item.scopes}</div>"
                                + "<div class=\"tk-secondary tk-breakable\">${item.clientId}</div></div>")
                        .withProperty("name", ResourceServer::name)
                        .withProperty("status", server -> summaryStatus(server).label())
                        .withProperty("theme", server -> summaryStatus(server).theme())
                        .withProperty(
                                "identifier", server -> server.identifier().value())
                        .withProperty("scopes", server -> ScopeLists.compact(server.scopeNames()))
                        .withProperty(
                                "clientId", server -> server.clientId() == null ? "" : "Client ID " + clientId(server)))
                .setHeader("Resource Server")
                .setKey("summary")
                .setFlexGrow(1);
    }

    /** Tokenkeeper's own API has nothing to act on; every other server its four actions. */
    /** The built-in Tokenkeeper server has none: it cannot be changed, disabled or deleted. */
    private @Nullable RowActions createActions(ResourceServer server) {
        if (server.builtIn()) {
            return null;
        }
        String name = quoted(server.name());
        var actions = new RowActions(name)
                .add("Edit", () -> openEditDialog(server))
                .add("Regenerate Secret", () -> confirmRegenerate(server));
        if (server.enabled()) {
            actions.add("Disable", () -> confirmDisable(server));
        } else {
            actions.add(
                    "Enable",
                    () -> perform(() -> servers.setEnabled(actor(), server.id(), true), "Enabled " + name + "."));
        }
        return actions.add("Delete", () -> confirmDelete(server));
    }

    private void openNewDialog() {
        ResourceServerDialog.registering(
                        form -> servers.register(
                                actor(), form.name(), form.identifier(), form.description(), form.scopes()),
                        this::refresh)
                .open();
    }

    private void openEditDialog(ResourceServer server) {
        ResourceServerDialog.editing(
                        server,
                        (form, removeHeldScopes) -> {
                            var saved = servers.change(
                                    actor(),
                                    server.id(),
                                    form.name(),
                                    form.identifier(),
                                    form.description(),
                                    form.scopes(),
                                    removeHeldScopes);
                            Notifications.success("Saved " + quoted(saved.name()) + ".");
                        },
                        this::refresh)
                .open();
    }

    private void confirmRegenerate(ResourceServer server) {
        String name = quoted(server.name());
        Confirmations.destructive(
                        "Regenerate the secret of " + name + "?",
                        "The current secret stops working at once: Tokenkeeper refuses " + name
                                + " until it is configured with the new one, which is shown once.",
                        "Regenerate Secret",
                        () -> regenerate(server))
                .open();
    }

    private void regenerate(ResourceServer server) {
        try {
            var regenerated = servers.regenerateSecret(actor(), server.id());
            var dialog = new OneTimeValueDialog("New Client Secret", ResourceServerDialog.CLIENT_SECRET);
            dialog.showValue(
                    "New client secret of " + quoted(regenerated.server().name()),
                    regenerated.secret().reveal(),
                    new OneTimeValueDialog.Alongside(
                            "Client ID",
                            Objects.requireNonNull(regenerated.server().clientId())
                                    .value()));
            dialog.open();
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void confirmDisable(ResourceServer server) {
        String name = quoted(server.name());
        Confirmations.destructive(
                        "Disable " + name + "?",
                        "Its client credential is refused, so every token is refused there, until you enable it"
                                + " again. New tokens cannot be given its scopes meanwhile; tokens keep the ones they"
                                + " hold.",
                        "Disable",
                        () -> perform(() -> servers.setEnabled(actor(), server.id(), false), "Disabled " + name + "."))
                .open();
    }

    private void confirmDelete(ResourceServer server) {
        String name = quoted(server.name());
        int holders = servers.tokensHoldingScopesOf(actor(), server.id());
        String text = holders == 0
                ? "Its client credential stops working at once and its scopes are gone. No token holds them."
                : (holders == 1 ? "1 token holds" : holders + " tokens hold")
                        + " its scopes (" + ScopeLists.full(server.scopeNames()) + "); deleting it removes them"
                        + " from " + (holders == 1 ? "that token" : "those tokens")
                        + ", which keep their other scopes. Its client credential stops working at once.";
        Confirmations.destructive(
                        "Delete " + name + "?",
                        text + " This cannot be undone.",
                        "Delete",
                        () -> perform(() -> servers.delete(actor(), server.id(), holders > 0), "Deleted " + name + "."))
                .open();
    }

    /** Carries out a row's action; the rows are drawn anew, so the focus goes back to the grid. */
    private void perform(Runnable action, String success) {
        Actions.perform(action, success, () -> {
            refresh();
            grid.focus();
        });
    }

    private void refresh() {
        grid.setItems(servers.list(actor()));
    }

    private static StatusBadge status(ResourceServer server) {
        return server.enabled() ? StatusBadge.success("Enabled") : StatusBadge.neutral("Disabled");
    }

    /** On a phone the one badge says both: Built in, or the status. */
    private static StatusBadge summaryStatus(ResourceServer server) {
        return server.builtIn() ? BUILT_IN : status(server);
    }

    private static String clientId(ResourceServer server) {
        return server.clientId() == null ? "None" : server.clientId().value();
    }

    /** E.g. orders:read — Read orders; orders:write — Place orders. */
    private static String scopeDescriptions(ResourceServer server) {
        return server.scopes().stream()
                .map(definition -> definition.scope().value() + " — " + definition.description())
                .collect(Collectors.joining("; "));
    }

    private Actor actor() {
        return currentUser.actor();
    }
}
