package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two kinds of message a page shows after an action. */
public final class Notifications {

    private static final int DURATION_MS = 5000;

    private Notifications() {}

    public static void success(String message) {
        Notification.show(message, DURATION_MS, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification.show(message, DURATION_MS, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
