package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.activity.ActivityService;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.token.ManagedToken;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenLifecycle;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.ui.base.Actions;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.RowActions;
import io.tokenkeeper.ui.base.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Administration › Token Management: every user's tokens that are not revoked, searched, filtered and sorted in the
 * database one page at a time (also by the resource server whose scopes they hold); single tokens disabled, enabled or
 * revoked, and all of one user's tokens frozen and unfrozen. {@link TokenAdministration} and {@link TokenService}
 * check on every call that the reader is an administrator.
 */
@Route("administration/tokens")
@PageTitle("Token Management | Tokenkeeper")
@Menu(title = "Token Management", order = 21, icon = "vaadin:key")
@RolesAllowed("ADMINISTRATOR")
public final class TokenManagementView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String NOTHING_YET = "No API tokens yet.";
    static final String NOTHING_MATCHES = "No tokens match this search.";
    static final String ALL_RESOURCE_SERVERS = "All resource servers";

    private final TokenAdministration administration;
    private final TokenService tokens;
    private final ResourceServerAdministration resourceServers;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final TextField search = new TextField();
    private final Select<CreatedWithin> created = new Select<>();
    private final Select<ResourceServer> resourceServer = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph limitNotice = new Paragraph();
    private final Grid<ManagedToken> grid = new Grid<>();
    private final FieldErrors filterErrors =
            new FieldErrors().on("text", search).on("createdFrom", from).on("createdTo", to);
    private TokenSearch criteria = TokenSearch.ALL;

    private final LifecycleActions lifecycle;

    public TokenManagementView(
            TokenAdministration administration,
            TokenService tokens,
            CurrentUser currentUser,
            Clock clock,
            TokenLifecycle tokenLifecycle,
            ActivityService activity,
            PolicyService policies,
            ResourceServerAdministration resourceServers) {
        this.administration = administration;
        this.tokens = tokens;
        this.resourceServers = resourceServers;
        this.currentUser = currentUser;
        this.clock = clock;
        this.lifecycle = new LifecycleActions(tokenLifecycle, activity, policies, this::actor, clock, this::refresh);
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.setSizeFull();
        layout.add(new H2("Token Management"), createToolbar(), createFilters(), limitNotice, createGrid());
        layout.setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        resourceServer.setItems(resourceServers.list(actor()));
        updateLimitNotice();
    }

    private Component createToolbar() {
        var freeze = new Button("Freeze Tokens", VaadinIcon.LOCK.create(), event -> openFreezeDialog());
        freeze.setTooltipText("Disable all of one user's enabled tokens at once, with a reason");
        var unfreeze = new Button("Unfreeze Tokens", VaadinIcon.UNLOCK.create(), event -> openUnfreezeDialog());
        unfreeze.setTooltipText("Enable again exactly the tokens a freeze disabled");
        var toolbar = new HorizontalLayout(freeze, unfreeze);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        return toolbar;
    }

    private Component createFilters() {
        search.setPlaceholder("Owner, token name or first characters");
        search.setAriaLabel("Search tokens");
        search.setHelperText("Username or name starts with, or a token's first characters such as tkp_Ab12");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("26rem");
        search.setMaxWidth("100%");
        search.addValueChangeListener(event -> applyFilters());

        created.setLabel("Created");
        created.setItems(CreatedWithin.values());
        created.setItemLabelGenerator(CreatedWithin::label);
        created.setValue(CreatedWithin.ANY_TIME);
        created.addValueChangeListener(event -> {
            boolean custom = event.getValue() == CreatedWithin.CUSTOM_RANGE;
            from.setVisible(custom);
            to.setVisible(custom);
            applyFilters();
        });

        resourceServer.setLabel("Resource server");
        resourceServer.setEmptySelectionAllowed(true);
        resourceServer.setEmptySelectionCaption(ALL_RESOURCE_SERVERS);
        resourceServer.setItemLabelGenerator(server -> server == null ? ALL_RESOURCE_SERVERS : server.name());
        resourceServer.setHelperText("Tokens that hold a scope of it");
        resourceServer.addValueChangeListener(event -> applyFilters());

        from.setHelperText("From the start of this day (" + Times.zoneName() + ")");
        to.setHelperText("To the end of this day (" + Times.zoneName() + ")");
        for (var date : List.of(from, to)) {
            date.setVisible(false);
            date.setClearButtonVisible(true);
            date.addValueChangeListener(event -> applyFilters());
        }
        // The view shows the domain's messages; the components' own checks would clear them on blur.
        search.setManualValidation(true);
        from.setManualValidation(true);
        to.setManualValidation(true);

        var bar = new HorizontalLayout(search, created, from, to, resourceServer);
        bar.setWrap(true);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getElement().setAttribute("aria-label", "Token filters");
        return bar;
    }

    private Grid<ManagedToken> createGrid() {
        var columns = new TokenColumns<>(grid, ManagedToken::token, clock);
        columns.name().setSortProperty(TokenSearch.Column.NAME.name());
        columns.hint().setSortProperty(TokenSearch.Column.TOKEN.name());
        columns.wide(grid.addColumn(row -> row.owner().value())
                .setHeader("Owner")
                .setKey("owner")
                .setSortProperty(TokenSearch.Column.OWNER.name())
                .setAutoWidth(true)
                .setFlexGrow(0));
        var createdColumn = columns.created().setSortProperty(TokenSearch.Column.CREATED.name());
        columns.lastUsed().setSortProperty(TokenSearch.Column.LAST_USED.name());
        columns.expires().setSortProperty(TokenSearch.Column.EXPIRES.name());
        columns.status(row -> {
                    if (row.canary()) {
                        return TokenColumns.CANARY;
                    }
                    return row.frozen() ? TokenColumns.FROZEN : LifecycleActions.rotatingBadge(row.rotation());
                })
                .setSortProperty(TokenSearch.Column.STATUS.name());
        columns.scopes();
        columns.summary(row -> "Owner " + row.owner().value());
        RowActions.addColumn(grid, this::createActions);
        grid.setItems(
                query ->
                        administration
                                .search(actor(), sorted(query.getSortOrders()), query.getOffset(), query.getLimit())
                                .stream(),
                query -> (int) Math.min(administration.count(actor(), criteria), TokenAdministration.MAX_LISTED));
        grid.sort(GridSortOrder.desc(createdColumn).build());
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(NOTHING_YET);
        grid.setWidthFull();
        grid.getElement().setAttribute("aria-label", "Everyone's API tokens");
        return grid;
    }

    private RowActions createActions(ManagedToken row) {
        var token = row.token();
        String described = described(row);
        var actions = new RowActions(described)
                .add("Details", lifecycle.details(token))
                .add("Regenerate", lifecycle.regenerate(token))
                .add("Extend Expiry", lifecycle.extend(token));
        if (token.enabled()) {
            actions.add(
                    "Disable", () -> perform(() -> tokens.disable(actor(), token.id()), "Disabled " + described + "."));
        } else {
            actions.add(
                    "Enable", () -> perform(() -> tokens.enable(actor(), token.id()), "Enabled " + described + "."));
        }
        return actions.add("Revoke", () -> confirmRevoke(row));
    }

    private void confirmRevoke(ManagedToken row) {
        String described = described(row);
        Confirmations.destructive(
                        "Revoke " + described + "?",
                        "Apps and scripts that use this token stop working at once, and it leaves "
                                + row.owner().value() + "'s list. This cannot be undone.",
                        "Revoke",
                        () -> perform(() -> tokens.revoke(actor(), row.token().id()), "Revoked " + described + "."))
                .open();
    }

    private void openFreezeDialog() {
        new FreezeTokensDialog((username, reason) -> administration.freeze(actor(), username, reason), this::refresh)
                .open();
    }

    private void openUnfreezeDialog() {
        new UnfreezeTokensDialog(username -> administration.unfreeze(actor(), username), this::refresh).open();
    }

    /** Carries out a row's action; the row is drawn anew, so the focus goes back to the grid, near where it was. */
    private void perform(Runnable action, String success) {
        Actions.perform(action, success, () -> {
            refresh();
            grid.focus();
        });
    }

    private void applyFilters() {
        filterErrors.clear();
        try {
            var server = resourceServer.getValue();
            criteria = TokenSearch.ALL
                    .matching(search.getValue())
                    .createdBetween(createdFrom(), createdTo())
                    .atResourceServer(
                            server == null ? null : server.identifier().value());
        } catch (InvalidInputException e) {
            filterErrors.show(e);
            return;
        }
        grid.setEmptyStateText(criteria.equals(TokenSearch.ALL) ? NOTHING_YET : NOTHING_MATCHES);
        refresh();
    }

    private void refresh() {
        updateLimitNotice();
        grid.getDataProvider().refreshAll();
    }

    /** Says so when more tokens match than the grid can list. */
    private void updateLimitNotice() {
        boolean more = administration.count(actor(), criteria) > TokenAdministration.MAX_LISTED;
        limitNotice.setText(
                more
                        ? "More than " + TokenAdministration.MAX_LISTED
                                + " tokens match; the list shows the first of them. Search or filter to find the others."
                        : "");
        limitNotice.setVisible(more);
    }

    private @Nullable Instant createdFrom() {
        var within = created.getValue();
        if (within == CreatedWithin.CUSTOM_RANGE) {
            return Times.startOf(from.getValue());
        }
        var period = within == null ? null : within.period();
        return period == null ? null : clock.instant().minus(period);
    }

    private @Nullable Instant createdTo() {
        return created.getValue() == CreatedWithin.CUSTOM_RANGE ? Times.endOf(to.getValue()) : null;
    }

    /** The criteria in the order the grid asks for; newest first until a column header is clicked. */
    private TokenSearch sorted(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return criteria;
        }
        var order = orders.getFirst();
        var direction = order.getDirection() == SortDirection.ASCENDING
                ? TokenSearch.Direction.ASCENDING
                : TokenSearch.Direction.DESCENDING;
        return criteria.sortedBy(TokenSearch.Column.valueOf(order.getSorted()), direction);
    }

    /** E.g. “CI deploy” of alice. */
    private static String described(ManagedToken row) {
        return quoted(row.token().name().value()) + " of " + row.owner().value();
    }

    private Actor actor() {
        return currentUser.actor();
    }
}
