package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tokenkeeper.domain.notification.NotificationKind;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.Notifications;

/** The Profile's choice of which notifications also come by email; all of them always show under the bell. */
final class MailSettings extends Composite<VerticalLayout> {

    static final String LABEL = "Email me when";
    static final String SAVED = "Your email settings were saved.";

    MailSettings(NotificationService notifications, CurrentUser currentUser) {
        var kinds = new CheckboxGroup<NotificationKind>(LABEL);
        kinds.setItems(NotificationKind.values());
        kinds.setItemLabelGenerator(NotificationKind::label);
        kinds.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        kinds.setHelperText("Mail goes to the address above when your administrator set up a mail server. It never"
                + " contains a token's value, only its name and first characters.");
        kinds.setValue(notifications.mailedKinds(currentUser.actor()));
        var save = new Button("Save Email Settings", event -> {
            notifications.setMailedKinds(currentUser.actor(), kinds.getValue());
            Notifications.success(SAVED);
        });
        var layout = getContent();
        layout.setPadding(false);
        layout.add(new H3("Notifications"), kinds, save);
    }
}
