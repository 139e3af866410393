package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tokenkeeper.domain.notification.Notification;
import io.tokenkeeper.domain.notification.NotificationKind;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.token.TokenService;

/**
 * The bell in the header: the number of unread notifications, and the list (newest first) with Mark Read, Mark All
 * Read, and for a token used from a new address a one-click Disable Token. Each user sees only their own.
 */
public final class NotificationBell extends Composite<Div> {

    static final String LABEL = "Notifications";

    private final NotificationService notifications;
    private final TokenService tokens;
    private final CurrentUser currentUser;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();

    public NotificationBell(NotificationService notifications, TokenService tokens, CurrentUser currentUser) {
        this.notifications = notifications;
        this.tokens = tokens;
        this.currentUser = currentUser;
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClickListener(event -> openList());
        count.getElement().getThemeList().add("badge error pill small");
        count.addClassName("tk-unread");
        getContent().add(bell, count);
        getContent().getStyle().set("display", "flex").set("align-items", "center");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    /** The unread count as shown. */
    public int unread() {
        return notifications.unread(currentUser.actor());
    }

    private void refresh() {
        int unread = unread();
        count.setText(Integer.toString(unread));
        count.setVisible(unread > 0);
        var label = unread == 0 ? LABEL : LABEL + " (" + unread + " unread)";
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }

    private void openList() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(LABEL);
        dialog.setWidth("36rem");
        fill(dialog);
        dialog.getFooter().add(new Button("Close", event -> dialog.close()));
        dialog.open();
    }

    private void fill(Dialog dialog) {
        dialog.removeAll();
        var list = notifications.newest(currentUser.actor());
        if (list.isEmpty()) {
            dialog.add(new Paragraph("Nothing yet."));
            return;
        }
        var markAll = new Button("Mark All Read", event -> {
            notifications.markAllRead(currentUser.actor());
            refresh();
            fill(dialog);
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var items = new VerticalLayout(markAll);
        items.setPadding(false);
        for (var notification : list) {
            items.add(item(notification, dialog));
        }
        dialog.add(items);
    }

    private Component item(Notification notification, Dialog dialog) {
        var title = new Span(notification.title());
        title.getStyle().set("font-weight", notification.isRead() ? "normal" : "bold");
        var when = new Span(Times.local(notification.createdAt()));
        when.addClassName("tk-secondary");
        var text = new Paragraph(notification.message());
        var actions = new HorizontalLayout();
        if (!notification.isRead()) {
            var read = new Button("Mark Read", event -> {
                notifications.markRead(currentUser.actor(), notification.id());
                refresh();
                fill(dialog);
            });
            read.setAriaLabel("Mark read: " + notification.title());
            actions.add(read);
        }
        var token = notification.token();
        if (notification.kind() == NotificationKind.NEW_ADDRESS && token != null) {
            var disable = new Button(
                    "Disable Token",
                    event -> Actions.perform(
                            () -> {
                                tokens.disable(currentUser.actor(), token);
                                notifications.markRead(currentUser.actor(), notification.id());
                            },
                            "Disabled the token.",
                            () -> {
                                refresh();
                                fill(dialog);
                            }));
            disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
            disable.setAriaLabel("Disable the token: " + notification.title());
            actions.add(disable);
        }
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL));
        var item = new VerticalLayout(new HorizontalLayout(title, when), text, actions);
        item.setPadding(false);
        item.setSpacing(false);
        item.addClassName("tk-notification");
        return item;
    }
}
