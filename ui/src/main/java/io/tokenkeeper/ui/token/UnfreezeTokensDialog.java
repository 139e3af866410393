package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.token.FreezeResult;
import io.tokenkeeper.ui.base.Notifications;
import java.util.function.Function;

/** Asks whose freeze to end, ends it, then shows which tokens it enabled again. */
final class UnfreezeTokensDialog extends Composite<Dialog> {

    private final TextField username = new TextField("Username");

    /**
     * @param unfreeze ends the freeze of a username's tokens
     * @param changed called once the freeze ended
     */
    UnfreezeTokensDialog(Function<String, FreezeResult> unfreeze, Runnable changed) {
        var dialog = getContent();
        dialog.setHeaderTitle("Unfreeze Tokens");
        dialog.setWidth("36rem");

        username.setRequiredIndicatorVisible(true);
        username.setManualValidation(true);
        username.setWidthFull();

        var cancel = new Button("Cancel", event -> dialog.close());
        var confirm = new Button("Unfreeze", event -> {
            username.setInvalid(false);
            try {
                var result = unfreeze.apply(username.getValue());
                changed.run();
                showResult(result);
            } catch (DomainException e) {
                username.setErrorMessage(e.getMessage());
                username.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);

        dialog.add(
                new Paragraph("Enables again the tokens the freeze disabled, unless someone enabled or revoked them"
                        + " in the meantime."),
                username);
        dialog.getFooter().add(cancel, confirm);
    }

    void open() {
        getContent().open();
        username.focus();
    }

    private void showResult(FreezeResult result) {
        String owner = result.owner().value();
        new FreezeResultList(
                        result,
                        "Enabled " + FreezeResultList.count(result) + " of " + owner + " again:",
                        "Ended the freeze on " + owner + "'s tokens; none of them was still disabled.")
                .showIn(getContent());
        Notifications.success("Unfroze the tokens of " + owner + ".");
    }
}
