package io.tokenkeeper.ui.audit;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.ui.base.Times;

/**
 * One audit event in full, every field as recorded: what the grid's narrow columns cut short (a long target, the reason
 * typed for a freeze) can be read here, and selected and copied.
 */
final class AuditEventDialog extends Composite<Dialog> {

    AuditEventDialog(AuditEvent event, Runnable onClosed) {
        var dialog = getContent();
        dialog.setHeaderTitle(event.action().label());
        dialog.setWidth("36rem");
        dialog.setMaxWidth("100%");

        var fields = new DescriptionList();
        fields.addClassName("tk-event");
        add(fields, "Time", Times.exact(event.occurredAt()));
        add(fields, "Actor", event.actorName());
        add(fields, "Action", event.action().label());
        add(fields, "Target", AuditLogView.target(event));
        add(fields, "Client IP", event.clientAddress() == null ? "—" : event.clientAddress());
        add(fields, "Details", event.details());
        dialog.add(fields);

        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        close.setTooltipText("Close");
        dialog.getHeader().add(close);
        var done = new Button("Close", click -> dialog.close());
        dialog.getFooter().add(done);
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                onClosed.run();
            }
        });
    }

    void open() {
        getContent().open();
    }

    private static void add(DescriptionList list, String term, String description) {
        var value = new DescriptionList.Description(description);
        value.getElement().setAttribute("dir", "auto");
        list.add(new DescriptionList.Term(term), value);
    }
}
