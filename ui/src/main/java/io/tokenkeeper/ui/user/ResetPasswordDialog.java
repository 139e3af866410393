package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.user.PasswordPolicy;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.base.FieldErrors;
import java.util.function.BiConsumer;

/** An administrator gives a user a new password to pass on. */
final class ResetPasswordDialog extends Composite<Dialog> {

    private final PasswordField password = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("Confirm new password");
    private final FieldErrors errors =
            new FieldErrors().on("newPassword", password).on("confirmation", confirmation);

    ResetPasswordDialog(User user, BiConsumer<String, String> reset) {
        var dialog = getContent();
        dialog.setHeaderTitle("Reset Password of " + user.username());
        dialog.setWidth("32rem");
        password.setHelperText(PasswordPolicy.RULE);

        var cancel = new Button("Cancel", event -> dialog.close());
        var save = new Button("Reset Password", event -> {
            errors.clear();
            try {
                reset.accept(password.getValue(), confirmation.getValue());
                dialog.close();
            } catch (InvalidInputException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(password, confirmation));
        dialog.getFooter().add(cancel, save);
    }

    void open() {
        getContent().open();
    }
}
