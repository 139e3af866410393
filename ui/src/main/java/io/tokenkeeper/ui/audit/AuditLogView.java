package io.tokenkeeper.ui.audit;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditService;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.NarrowScreen;
import io.tokenkeeper.ui.base.Times;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Administration › Audit Log: every recorded event, newest first, one page at a time, narrowed by actor, action,
 * target and days in the reader's time zone. The grid counts at most {@link AuditService#MAX_COUNT} matches, so a broad filter over millions
 * of events stays fast; beyond that it says so. Read-only; {@link AuditService} checks on every page that the reader
 * is an administrator.
 */
@Route("administration/audit-log")
@PageTitle("Audit Log | Tokenkeeper")
@Menu(title = "Audit Log", order = 22, icon = "vaadin:records")
@RolesAllowed("ADMINISTRATOR")
public final class AuditLogView extends Composite<VerticalLayout> {

    static final String NOTHING_YET = "No audit events yet.";
    static final String NOTHING_MATCHES = "No audit events match these filters.";
    static final String MORE_THAN_SHOWN =
            "Showing the newest " + String.format(Locale.ROOT, "%,d", AuditService.MAX_COUNT)
                    + " matching events. Narrow the filters, for example the dates, to reach older ones.";

    private final AuditService audit;
    private final CurrentUser currentUser;

    private final TextField actor = new TextField("Actor");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final TextField target = new TextField("Target");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final FieldErrors filterErrors = new FieldErrors()
            .on("actor", actor)
            .on("target", target)
            .on("from", from)
            .on("to", to);
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Paragraph moreThanShown = new Paragraph(MORE_THAN_SHOWN);
    private AuditFilter filter = AuditFilter.ALL;

    public AuditLogView(AuditService audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
        var layout = getContent();
        layout.addClassName("tk-page");
        layout.setHeightFull();
        layout.add(
                new H2("Audit Log"),
                new Paragraph("Who did what to which user or token, when and from where; newest first, times in "
                        + Times.zoneName() + ". Select an event to read it in full. Nobody can change or delete an"
                        + " entry."),
                createFilters(),
                moreThanShown,
                createGrid());
        layout.setFlexGrow(1, grid);
    }

    private Component createFilters() {
        for (var text : List.of(actor, target)) {
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setClearButtonVisible(true);
            text.addValueChangeListener(event -> applyFilters());
        }
        actor.setHelperText("Username starts with");
        target.setHelperText("Name starts with, or the id");

        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        action.setPlaceholder("Any");
        action.addValueChangeListener(event -> applyFilters());

        from.setHelperText("From the start of this day (" + Times.zoneName() + ")");
        to.setHelperText("To the end of this day (" + Times.zoneName() + ")");
        for (var date : List.of(from, to)) {
            date.setClearButtonVisible(true);
            date.addValueChangeListener(event -> applyFilters());
        }
        // The view shows the domain's messages; the components' own checks would clear them on blur.
        actor.setManualValidation(true);
        target.setManualValidation(true);
        from.setManualValidation(true);
        to.setManualValidation(true);

        var bar = new HorizontalLayout(actor, action, target, from, to);
        bar.setWrap(true);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getElement().setAttribute("aria-label", "Audit log filters");
        return bar;
    }

    private Grid<AuditEvent> createGrid() {
        var wide = new ArrayList<Grid.Column<AuditEvent>>();
        wide.add(grid.addColumn(event -> Times.local(event.occurredAt()))
                .setHeader("Time")
                .setKey("time")
                .setTooltipGenerator(event -> Times.exact(event.occurredAt()))
                .setAutoWidth(true)
                .setFlexGrow(0));
        wide.add(grid.addColumn(AuditEvent::actorName)
                .setHeader("Actor")
                .setKey("actor")
                .setAutoWidth(true));
        wide.add(grid.addColumn(event -> event.action().label())
                .setHeader("Action")
                .setKey("action")
                .setAutoWidth(true));
        wide.add(grid.addColumn(AuditLogView::target)
                .setHeader("Target")
                .setKey("target")
                .setFlexGrow(1));
        wide.add(grid.addColumn(event -> event.clientAddress() == null ? "—" : event.clientAddress())
                .setHeader("Client IP")
                .setKey("clientIp")
                .setAutoWidth(true));
        wide.add(grid.addColumn(AuditEvent::details)
                .setHeader("Details")
                .setKey("details")
                .setFlexGrow(2));
        var summary = grid.addColumn(LitRenderer.<AuditEvent>of("<div class=\"tk-summary\">"
                                + "<span class=\"tk-name\">${item.action}</span>"
                                + "<div class=\"tk-secondary\" dir=\"auto\">${item.target}</div>"
                                + "<div class=\"tk-secondary\">${item.who}</div></div>")
                        .withProperty("action", event -> event.action().label())
                        .withProperty("target", AuditLogView::target)
                        .withProperty("who", event -> event.actorName() + " · " + Times.local(event.occurredAt())))
                .setHeader("Event")
                .setKey("summary");
        summary.setVisible(false);
        NarrowScreen.follow(grid, narrow -> {
            wide.forEach(column -> column.setVisible(!narrow));
            summary.setVisible(narrow);
        });
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                new AuditEventDialog(event.getValue(), () -> {
                            grid.deselectAll();
                            grid.focus();
                        })
                        .open();
            }
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(NOTHING_YET);
        grid.setWidthFull();
        grid.getElement().setAttribute("aria-label", "Audit events");
        grid.setItems(
                query -> audit.search(currentUser.actor(), filter, query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(currentUser.actor(), filter));
        moreThanShown.setVisible(false);
        grid.getLazyDataView()
                .addItemCountChangeListener(
                        event -> moreThanShown.setVisible(event.getItemCount() >= AuditService.MAX_COUNT));
        return grid;
    }

    private void applyFilters() {
        filterErrors.clear();
        try {
            filter = new AuditFilter(
                    actor.getValue(),
                    action.getValue(),
                    target.getValue(),
                    Times.startOf(from.getValue()),
                    Times.endOf(to.getValue()));
        } catch (InvalidInputException e) {
            filterErrors.show(e);
            return;
        }
        grid.setEmptyStateText(filter.isEmpty() ? NOTHING_YET : NOTHING_MATCHES);
        grid.getDataProvider().refreshAll();
    }

    /** The kind of target and its name as it was then, e.g. Token “CI deploy”, or its id when it had no name. */
    static String target(AuditEvent event) {
        String kind =
                switch (event.targetType()) {
                    case "user" -> "User";
                    case "token" -> "Token";
                    default -> event.targetType();
                };
        if (event.targetName() != null) {
            return kind + " " + quoted(event.targetName());
        }
        return event.targetId() == null ? kind : kind + " #" + event.targetId();
    }
}
