package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only fields of a dialog that shows a secret once, with their copy buttons: it remembers whether the secret
 * was copied, asks before a dialog closes on a secret nobody copied, and empties every field it made when the dialog
 * forgets the value. Used by {@link OneTimeValueDialog} and by the New API Token dialog, which shows more around its
 * value.
 */
public final class OneTimeFields {

    private final List<TextField> revealing = new ArrayList<>();
    private boolean copied;

    /** A read-only, monospaced field showing {@code value}; emptied by {@link #forget}. */
    public TextField readOnly(String label, String value) {
        var field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("tk-monospace");
        revealing.add(field);
        return field;
    }

    /**
     * A copy icon button named {@code label}; the caller binds it to its field with the clipboard.
     *
     * @param secret whether what it copies holds the secret: copying it then counts as copying the secret
     * @param notification what the page says once copied
     */
    public Button copyButton(String label, boolean secret, String notification) {
        var copy = new Button(VaadinIcon.COPY_O.create(), event -> {
            if (secret) {
                copied = true;
            }
            Notifications.success(notification);
        });
        copy.setAriaLabel(label);
        copy.setTooltipText(label);
        copy.addThemeVariants(ButtonVariant.LUMO_ICON);
        return copy;
    }

    /** The primary Copy to Clipboard &amp; Close button; the caller binds it to the secret's field. */
    public Button copyAndClose(Runnable close) {
        var button = new Button("Copy to Clipboard & Close", event -> {
            copied = true;
            close.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** A field and its copy button on one line, the field taking the width. */
    public static HorizontalLayout row(TextField field, Button copy) {
        var row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, field);
        return row;
    }

    /**
     * Closes at once when no secret is showing or it was copied; otherwise asks first.
     *
     * @param warning what the question says, e.g. that the value cannot be shown again
     */
    public void requestClose(boolean showing, String warning, Runnable close) {
        if (!showing || copied) {
            close.run();
            return;
        }
        Confirmations.destructive("Close without copying?", warning, "Close", "Keep Open", close)
                .open();
    }

    /** Empties every field made here and forgets that anything was copied. */
    public void forget() {
        revealing.forEach(TextField::clear);
        revealing.clear();
        copied = false;
    }
}
