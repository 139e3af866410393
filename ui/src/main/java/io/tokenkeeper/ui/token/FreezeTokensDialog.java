package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.token.FreezeResult;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import java.util.function.BiFunction;

/** Asks whose tokens to freeze and why, freezes them, then shows which tokens it disabled. */
final class FreezeTokensDialog extends Composite<Dialog> {

    private final TextField username = new TextField("Username");
    private final TextField reason = new TextField("Reason");
    private final FieldErrors errors =
            new FieldErrors().on("username", username).on("reason", reason);

    /**
     * @param freeze freezes the tokens of a username for a reason
     * @param changed called once tokens were frozen
     */
    FreezeTokensDialog(BiFunction<String, String, FreezeResult> freeze, Runnable changed) {
        var dialog = getContent();
        dialog.setHeaderTitle("Freeze Tokens");
        dialog.setWidth("36rem");

        username.setRequiredIndicatorVisible(true);
        username.setManualValidation(true);
        reason.setRequiredIndicatorVisible(true);
        reason.setManualValidation(true);
        reason.setMaxLength(TokenAdministration.MAX_REASON_LENGTH);
        reason.setHelperText("Kept in the audit log. Up to " + TokenAdministration.MAX_REASON_LENGTH + " characters.");

        var cancel = new Button("Cancel", event -> dialog.close());
        var confirm = new Button("Freeze", event -> {
            errors.clear();
            try {
                var result = freeze.apply(username.getValue(), reason.getValue());
                changed.run();
                showResult(result);
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (DomainException e) {
                username.setErrorMessage(e.getMessage());
                username.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickShortcut(Key.ENTER);

        var intro = new Paragraph(
                "Disables every enabled token of the user at once. Unfreeze Tokens enables exactly those again.");
        var form = new FormLayout(username, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(intro, form);
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
                        "Froze " + FreezeResultList.count(result) + " of " + owner
                                + ". They stay disabled until you unfreeze them:",
                        owner + " had no enabled tokens, so none was disabled. The freeze stays until you unfreeze "
                                + owner + "'s tokens.")
                .showIn(getContent());
        Notifications.success("Froze " + FreezeResultList.count(result) + " of " + owner + ".");
    }
}
