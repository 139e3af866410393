package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.Notifications;
import org.jspecify.annotations.Nullable;

/**
 * A dialog that ends by showing a token value once, with the copy buttons and words of the New API Token dialog:
 * Regenerate Token and Add Canary Token. Closing before anything was copied asks first; closing forgets the value.
 */
abstract class OneTimeValueDialog extends Composite<Dialog> {

    private @Nullable TextField value;
    private boolean copied;

    OneTimeValueDialog(String title) {
        var dialog = getContent();
        dialog.setHeaderTitle(title);
        dialog.setWidth("36rem");
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(event -> requestClose());
    }

    void open() {
        getContent().open();
    }

    /** Replaces the form with the value, labelled {@code label}. */
    final void showValue(String label, GeneratedToken generated) {
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();

        var field = new TextField(label);
        field.setValue(generated.secret().reveal());
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("tk-monospace");
        value = field;

        var copy = new Button(VaadinIcon.COPY_O.create(), event -> {
            copied = true;
            Notifications.success(NewTokenDialog.COPIED);
        });
        copy.setAriaLabel("Copy to Clipboard");
        copy.setTooltipText("Copy to Clipboard");
        copy.addThemeVariants(ButtonVariant.LUMO_ICON);

        var copyAndClose = new Button("Copy to Clipboard & Close", event -> {
            copied = true;
            close();
        });
        copyAndClose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, field);
        var warning = new Paragraph(NewTokenDialog.SHOWN_ONCE);
        warning.addClassName("tk-warning");
        dialog.add(warning, row);
        dialog.getFooter().add(copyAndClose);

        // Bound while the field and buttons are attached and visible: the browser copies inside the click itself.
        Clipboard.onClick(copy).writeText(field);
        Clipboard.onClick(copyAndClose).writeText(field);
    }

    private void requestClose() {
        if (value == null || copied) {
            close();
            return;
        }
        var confirm = Confirmations.destructive(
                "Close without copying?",
                "You have not copied the value. Once this dialog closes, it cannot be shown again.",
                "Close",
                this::close);
        confirm.setCancelText("Keep Open");
        confirm.open();
    }

    final void close() {
        if (value != null) {
            value.clear();
            value = null;
        }
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.close();
    }
}
