package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The question a page asks before an action that cannot be taken back, or not easily. */
public final class Confirmations {

    private Confirmations() {}

    /**
     * A dialog with Cancel and a red button named for the action, which runs it. The caller opens it.
     *
     * @param header the question, e.g. Revoke “CI deploy”?
     * @param text what happens if the person goes on
     */
    public static ConfirmDialog destructive(String header, String text, String confirmText, Runnable confirmed) {
        var confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> confirmed.run());
        return confirm;
    }
}
