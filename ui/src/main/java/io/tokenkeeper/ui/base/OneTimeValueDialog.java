package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

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
    private final OneTimeFields fields = new OneTimeFields();
    private boolean showing;

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
            var field = fields.readOnly(shown.label(), shown.value());
            var copy = fields.copyButton("Copy " + shown.label(), false, "Copied.");
            dialog.add(OneTimeFields.row(field, copy));
            Clipboard.onClick(copy).writeText(field);
        }

        var field = fields.readOnly(label, value);
        var copy = fields.copyButton("Copy to Clipboard", true, words.copied());
        var copyAndClose = fields.copyAndClose(this::close);
        dialog.add(OneTimeFields.row(field, copy));
        dialog.getFooter().add(copyAndClose);

        // Bound while the field and buttons are attached and visible: the browser copies inside the click itself.
        Clipboard.onClick(copy).writeText(field);
        Clipboard.onClick(copyAndClose).writeText(field);
    }

    private void requestClose() {
        fields.requestClose(
                showing,
                "You have not copied the value. Once this dialog closes, it cannot be shown again.",
                this::close);
    }

    /** Closes the dialog and forgets the value. */
    protected final void close() {
        fields.forget();
        showing = false;
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.close();
    }
}
