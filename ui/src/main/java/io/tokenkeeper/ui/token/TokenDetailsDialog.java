package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tokenkeeper.domain.activity.TokenActivity;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.ui.base.Times;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A token's Details: its settings, calls per day over the last 30 days as a bar chart, the addresses it was used from,
 * and its audit history. Shows what {@link io.tokenkeeper.domain.activity.ActivityService} allowed; never the value.
 */
final class TokenDetailsDialog extends Composite<Dialog> {

    static final String CHART = "Calls per day, last 30 days";
    private static final int CHART_HEIGHT_PX = 80;

    TokenDetailsDialog(Token token, @Nullable Rotation rotation, TokenActivity activity, Instant now) {
        var dialog = getContent();
        dialog.setHeaderTitle("Token Details: " + quoted(token.name().value()));
        dialog.setWidth("56rem");
        var body = new VerticalLayout(
                createSettings(token, rotation, activity, now),
                new H4(CHART),
                createChart(activity),
                new H4("Addresses"),
                createAddresses(activity),
                new H4("History"),
                createHistory(activity));
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(new Button("Close", event -> dialog.close()));
    }

    void open() {
        getContent().open();
    }

    private static Component createSettings(
            Token token, @Nullable Rotation rotation, TokenActivity activity, Instant now) {
        var form = new FormLayout();
        form.addFormItem(new Span(token.hint().value()), "Token");
        var status = LifecycleActions.rotatingLabel(rotation);
        form.addFormItem(new Span(status != null ? status : token.statusAt(now).label()), "Status");
        form.addFormItem(new Span(Times.local(token.createdAt())), "Date Created");
        form.addFormItem(new Span(Times.localOr(token.expiresAt(), "Never")), "Expires");
        form.addFormItem(new Span(Times.localOr(activity.lastSeenAt(), "Never")), "Last Used");
        var server = token.lastUsedServer();
        form.addFormItem(
                new Span(server == null ? "Not known" : server.name() + " (" + server.identifier() + ")"),
                "Last Used At");
        form.addFormItem(
                new Span(token.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(" "))),
                "Scopes");
        form.addFormItem(
                new Span(
                        token.allowedRanges().isEmpty()
                                ? "Anywhere"
                                : token.allowedRanges().stream()
                                        .map(IpRange::toString)
                                        .collect(Collectors.joining(", "))),
                "Allowed From");
        form.addFormItem(
                new Span(activity.lastEndpoint() == null ? "None yet" : activity.lastEndpoint()), "Last Endpoint");
        form.addFormItem(
                new Span(activity.lastUserAgent() == null ? "None yet" : activity.lastUserAgent()), "Last User Agent");
        return form;
    }

    /** One bar per day, as tall as its share of the busiest day; each names its day and count for screen readers. */
    private static Component createChart(TokenActivity activity) {
        long busiest = activity.days().stream()
                .mapToLong(TokenActivity.DailyCalls::calls)
                .max()
                .orElse(0);
        var chart = new Div();
        chart.addClassName("tk-calls-chart");
        chart.getStyle()
                .set("display", "flex")
                .set("align-items", "flex-end")
                .set("gap", "2px")
                .set("height", CHART_HEIGHT_PX + "px")
                .set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", CHART + ": " + activity.totalCalls() + " calls in all");
        for (var day : activity.days()) {
            var bar = new Div();
            long height = busiest == 0 ? 0 : Math.max(1, day.calls() * CHART_HEIGHT_PX / busiest);
            bar.getStyle().set("flex", "1").set("height", height + "px").set("background", "var(--lumo-primary-color)");
            var label = day.day() + ": " + day.calls() + (day.calls() == 1 ? " call" : " calls");
            bar.getElement().setAttribute("title", label);
            chart.add(bar);
        }
        var wrapper = new Div(chart, new Paragraph(activity.totalCalls() + " calls in the last 30 days."));
        wrapper.setWidthFull();
        return wrapper;
    }

    private static Component createAddresses(TokenActivity activity) {
        if (activity.addresses().isEmpty()) {
            return new Paragraph("Not used yet.");
        }
        var grid = new Grid<TokenActivity.AddressUse>();
        grid.addColumn(TokenActivity.AddressUse::address).setHeader("Address").setKey("address");
        grid.addColumn(use -> Times.local(use.firstSeen()))
                .setHeader("First Seen")
                .setKey("firstSeen");
        grid.addColumn(use -> Times.local(use.lastSeen()))
                .setHeader("Last Seen")
                .setKey("lastSeen");
        grid.setItems(activity.addresses());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.getElement().setAttribute("aria-label", "Addresses");
        return grid;
    }

    private static Component createHistory(TokenActivity activity) {
        var grid = new Grid<AuditEvent>();
        grid.addColumn(event -> Times.local(event.occurredAt()))
                .setHeader("When")
                .setKey("when")
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::actorName).setHeader("Who").setKey("who").setAutoWidth(true);
        grid.addColumn(event -> event.action().label())
                .setHeader("What")
                .setKey("what")
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::details)
                .setHeader("Details")
                .setKey("details")
                .setFlexGrow(1);
        grid.setItems(activity.history());
        grid.setHeight("16rem");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.getElement().setAttribute("aria-label", "History");
        return grid;
    }
}
