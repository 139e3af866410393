package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.user.PasswordPolicy;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.FieldErrors;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * New User and Edit User in one dialog. Saving hands the form to the page, which calls the service; a broken rule
 * comes back as a message on its field. Removing API Access asks first, because it stops the user's tokens.
 */
final class UserDialog extends Composite<Dialog> {

    /** What the form holds when Save is pressed. */
    record Form(String username, String displayName, String email, String password, Set<Privilege> privileges) {}

    @FunctionalInterface
    interface Saver {
        void save(Form form);
    }

    private final @Nullable User editing;
    private final Saver saver;
    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name");
    private final EmailField email = new EmailField("Email");
    private final PasswordField password = new PasswordField("Initial password");
    private final CheckboxGroup<Privilege> privileges = new CheckboxGroup<>("Privileges");
    private final FieldErrors errors = new FieldErrors()
            .on("username", username)
            .on("displayName", displayName)
            .on("email", email)
            .on("password", password)
            .on("privileges", privileges);

    UserDialog(@Nullable User editing, Saver saver) {
        this.editing = editing;
        this.saver = saver;
        var dialog = getContent();
        dialog.setHeaderTitle(editing == null ? "New User" : "Edit " + editing.username());
        dialog.setWidth("40rem");

        username.setHelperText(Username.RULE);
        username.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        email.setHelperText("Optional.");
        password.setHelperText(PasswordPolicy.RULE);
        password.setRequiredIndicatorVisible(true);
        privileges.setItems(Privilege.values());
        privileges.setItemLabelGenerator(Privilege::label);

        var form = new FormLayout();
        if (editing == null) {
            form.add(username, displayName, email, password, privileges);
        } else {
            displayName.setValue(editing.displayName().value());
            email.setValue(editing.email() == null ? "" : editing.email().value());
            privileges.setValue(editing.privileges());
            form.add(displayName, email, privileges);
        }
        form.setColspan(privileges, 2);

        var cancel = new Button("Cancel", event -> dialog.close());
        var save = new Button(editing == null ? "Create User" : "Save", event -> confirmThenSave());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
    }

    void open() {
        getContent().open();
    }

    private void confirmThenSave() {
        boolean losesApiAccess = editing != null
                && editing.has(Privilege.API_ACCESS)
                && !privileges.getValue().contains(Privilege.API_ACCESS);
        if (!losesApiAccess) {
            save();
            return;
        }
        Confirmations.destructive(
                        "Remove API Access from " + editing.username() + "?",
                        "All of their API tokens stop working at once. They come back only if API Access is granted"
                                + " again.",
                        "Remove API Access",
                        this::save)
                .open();
    }

    private void save() {
        errors.clear();
        var chosen = privileges.getValue().isEmpty()
                ? EnumSet.noneOf(Privilege.class)
                : EnumSet.copyOf(privileges.getValue());
        try {
            saver.save(new Form(
                    username.getValue(), displayName.getValue(), email.getValue(), password.getValue(), chosen));
            password.clear();
            getContent().close();
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }
}
