package io.tokenkeeper.ui.sso;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.provisioning.CreatedProvisioningToken;

/**
 * Shows a new provisioning token's value, once: for the identity provider's SCIM settings. Closing it (copied or not)
 * leaves the value nowhere.
 */
final class NewProvisioningTokenDialog extends Composite<Dialog> {

    static final String SHOWN_ONCE =
            "Copy the token into your identity provider's provisioning settings now:" + " it will not be shown again.";

    private final TextField value;
    private final Button copyAndClose;

    NewProvisioningTokenDialog(CreatedProvisioningToken created, String scimBaseUrl) {
        var dialog = getContent();
        dialog.setHeaderTitle("New Provisioning Token");
        dialog.setWidth("36rem");

        var baseUrl = new TextField("SCIM base URL");
        baseUrl.setValue(scimBaseUrl);
        baseUrl.setReadOnly(true);
        baseUrl.setWidthFull();
        value = new TextField("Provisioning token " + created.token().name());
        value.setValue(created.secret().reveal());
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("tk-monospace");
        var warning = new Paragraph(SHOWN_ONCE);
        warning.addClassName("tk-warning");

        copyAndClose = new Button("Copy to Clipboard & Close", event -> dialog.close());
        copyAndClose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(warning, baseUrl, value);
        dialog.getFooter().add(new Button("Close", event -> dialog.close()), copyAndClose);
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                value.clear();
                dialog.removeFromParent();
            }
        });
    }

    void open() {
        getContent().open();
        // Bound once the dialog shows the field: the browser copies inside the click itself.
        Clipboard.onClick(copyAndClose).writeText(value);
    }
}
