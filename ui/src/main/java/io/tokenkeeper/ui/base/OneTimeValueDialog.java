package io.tokenkeeper.ui.base;

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
import java.util.ArrayList;
import java.util.List;

/**
 * A dialog that ends by showing a secret value once (a token's, a client secret) with a Copy to Clipboard icon button
 * and a Copy to Clipboard &amp; Close button. What goes with the value and is no secret, such as a client id, stands
 * above it with a copy button of its own. Closing before the value was copied asks first; closing forgets the value.
 * A subclass shows its form first and calls {@link #showValue} with the service's answer; a value that needs no form
 * is shown straight away.
 */
public class OneTimeValueDialog extends Composite<Dialog> {

    /**
     * The words around the value.
     *
     * @param shownOnce the warning above it, that it will not be shown again
     * @param copied what the page says after Copy to Clipboard
     */
    public record Words(String shownOnce, String copied) {}

    /** Something shown with the value that is no secret, such as a client id. */
    public record Alongside(String label, String value) {}

    private final Words words;
    private final List<TextField> revealing = new ArrayList<>();
    private boolean showing;
    private boolean copied;

    public OneTimeValueDialog(String title, Words words) {
        this.words = words;
        var dialog = getContent();
        dialog.setHeaderTitle(title);
        dialog.setWidth("36rem");
        dialog.setMaxWidth("100%");
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(event -> requestClose());
    }

    public void open() {
        getContent().open();
    }

    /** Replaces the form with the value, labelled {@code label}, and what goes with it above it. */
    public final void showValue(String label, String value, Alongside... alongside) {
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();
        showing = true;

        var warning = new Paragraph(words.shownOnce());
        warning.addClassName("tk-warning");
        dialog.add(warning);
        for (var shown : alongside) {
            var field = readOnly(shown.label(), shown.value());
            var copy = copyButton("Copy " + shown.label(), () -> Notifications.success("Copied."));
            dialog.add(row(field, copy));
            Clipboard.onClick(copy).writeText(field);
        }

        var field = readOnly(label, value);
        var copy = copyButton("Copy to Clipboard", () -> {
            copied = true;
            Notifications.success(words.copied());
        });
        var copyAndClose = new Button("Copy to Clipboard & Close", event -> {
            copied = true;
            close();
        });
        copyAndClose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(row(field, copy));
        dialog.getFooter().add(copyAndClose);

        // Bound while the field and buttons are attached and visible: the browser copies inside the click itself.
        Clipboard.onClick(copy).writeText(field);
        Clipboard.onClick(copyAndClose).writeText(field);
    }

    private TextField readOnly(String label, String value) {
        var field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("tk-monospace");
        revealing.add(field);
        return field;
    }

    private static Button copyButton(String label, Runnable copied) {
        var copy = new Button(VaadinIcon.COPY_O.create(), event -> copied.run());
        copy.setAriaLabel(label);
        copy.setTooltipText(label);
        copy.addThemeVariants(ButtonVariant.LUMO_ICON);
        return copy;
    }

    private static HorizontalLayout row(TextField field, Button copy) {
        var row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, field);
        return row;
    }

    private void requestClose() {
        if (!showing || copied) {
            close();
            return;
        }
        Confirmations.destructive(
                        "Close without copying?",
                        "You have not copied the value. Once this dialog closes, it cannot be shown again.",
                        "Close",
                        "Keep Open",
                        this::close)
                .open();
    }

    /** Closes the dialog and forgets the value. */
    protected final void close() {
        revealing.forEach(TextField::clear);
        revealing.clear();
        showing = false;
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.close();
    }
}
