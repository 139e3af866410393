package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question a page asks before an action that cannot be taken back, or not easily. The safe answer has the focus
 * when it opens, so that Enter, Enter never destroys anything by accident.
 */
public final class Confirmations {

    private Confirmations() {}

    /**
     * A dialog with Cancel and a red button named for the action, which runs it. The caller opens it.
     *
     * @param header the question, e.g. Revoke “CI deploy”?
     * @param text what happens if the person goes on
     */
    public static ConfirmDialog destructive(String header, String text, String confirmText, Runnable confirmed) {
        return destructive(header, text, confirmText, "Cancel", confirmed);
    }

    /** Like {@link #destructive(String, String, String, Runnable)}, with another word for the safe answer. */
    public static ConfirmDialog destructive(
            String header, String text, String confirmText, String cancelText, Runnable confirmed) {
        var confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(cancelText);
        var cancel = new Button(cancelText, event -> confirm.close());
        confirm.setCancelButton(cancel);
        cancel.addClassName("tk-safe");
        // The dialog focuses its confirm button once it has opened; for a second after opening, the safe one takes the
        // focus over, whenever the dialog hands it out.
        confirm.addAttachListener(event -> confirm.getElement()
                .executeJs("const dialog = this;"
                        + "const safe = () => dialog.querySelector('[slot=\"cancel-button\"]');"
                        + "let until = 0;"
                        + "const opened = () => { until = Date.now() + 1000;"
                        + "  requestAnimationFrame(() => { const button = safe(); if (button) { button.focus(); } }); };"
                        + "dialog.addEventListener('opened-changed', e => { if (e.detail.value) { opened(); } });"
                        + "dialog.addEventListener('focusin', e => {"
                        + "  const button = safe();"
                        + "  if (Date.now() < until && button && !e.composedPath().includes(button)) {"
                        + "    button.focus(); } });"
                        + "if (dialog.opened) { opened(); }"));
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> confirmed.run());
        return confirm;
    }
}
