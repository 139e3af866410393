package io.tokenkeeper.ui.user;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.tokenkeeper.domain.account.AccountService;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.PasswordPolicy;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import jakarta.annotation.security.PermitAll;

/**
 * Settings › User Information › Profile: who you are, your name and address, and your password. An account the
 * identity provider manages has no password here, so it has no password form either.
 */
@Route(value = UserInformationLayout.PATH, layout = UserInformationLayout.class)
@RouteAlias(value = "", layout = UserInformationLayout.class)
@PageTitle("User Information | Tokenkeeper")
@Menu(title = "User Information", order = 10, icon = "vaadin:user")
@PermitAll
public final class ProfileView extends Composite<VerticalLayout> {

    static final String PROFILE_SAVED = "Your profile was saved.";
    static final String PASSWORD_CHANGED = "Your password was changed.";
    static final String NO_PASSWORD = "You sign in through your organisation's identity provider, so your account has"
            + " no password here. Change your password there.";

    private final AccountService users;
    private final CurrentUser currentUser;

    private final TextField displayName = new TextField("Display name");
    private final EmailField email = new EmailField("Email");
    private final PasswordField currentPassword = new PasswordField("Current password");
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("Confirm new password");
    private final FieldErrors errors = new FieldErrors()
            .on("displayName", displayName)
            .on("email", email)
            .on("currentPassword", currentPassword)
            .on("newPassword", newPassword)
            .on("confirmation", confirmation);

    public ProfileView(AccountService users, CurrentUser currentUser, NotificationService notifications) {
        this.users = users;
        this.currentUser = currentUser;
        var user = currentUser.user();
        var layout = getContent();
        layout.setPadding(false);
        layout.add(createAccountFacts(user), createProfileForm(user));
        layout.add(users.hasPassword(currentUser.actor()) ? createPasswordForm() : createNoPassword());
        layout.add(new MailSettings(notifications, currentUser));
    }

    private FormLayout createAccountFacts(User user) {
        var username = new TextField("Username");
        username.setValue(user.username().value());
        username.setReadOnly(true);

        var privileges = new HorizontalLayout();
        privileges.setSpacing(true);
        if (user.privileges().isEmpty()) {
            privileges.add(new Span("None"));
        }
        for (Privilege privilege : Privilege.values()) {
            if (user.has(privilege)) {
                var badge = new Span(privilege.label());
                badge.addClassName("tk-privilege");
                privileges.add(badge);
            }
        }
        var facts = new FormLayout();
        facts.add(username);
        facts.addFormItem(privileges, "Privileges");
        return facts;
    }

    private VerticalLayout createProfileForm(User user) {
        displayName.setValue(user.displayName().value());
        displayName.setMaxLength(DisplayName.MAX_LENGTH);
        displayName.setRequiredIndicatorVisible(true);
        displayName.setHelperText("Up to " + DisplayName.MAX_LENGTH + " characters.");
        email.setValue(user.email() == null ? "" : user.email().value());
        email.setHelperText("Optional.");
        email.setClearButtonVisible(true);

        var save = new Button("Save", event -> saveProfile());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var form = new FormLayout(displayName, email);
        return section("Profile", form, save);
    }

    private VerticalLayout createPasswordForm() {
        newPassword.setHelperText(PasswordPolicy.RULE);
        var change = new Button("Change Password", event -> changePassword());
        var form = new FormLayout(currentPassword, newPassword, confirmation);
        return section("Password", form, change);
    }

    private static VerticalLayout createNoPassword() {
        var section = new VerticalLayout(new H3("Password"), new Paragraph(NO_PASSWORD));
        section.setPadding(false);
        return section;
    }

    private static VerticalLayout section(String title, FormLayout form, Button action) {
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        var section = new VerticalLayout(new H3(title), form, action);
        section.setPadding(false);
        return section;
    }

    private void saveProfile() {
        errors.clear();
        try {
            var saved = users.updateProfile(currentUser.actor(), displayName.getValue(), email.getValue());
            displayName.setValue(saved.displayName().value());
            email.setValue(saved.email() == null ? "" : saved.email().value());
            Notifications.success(PROFILE_SAVED);
            // The user menu shows the display name: rebuild the layouts around this view so it is current.
            UI.getCurrent().refreshCurrentRoute(true);
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }

    private void changePassword() {
        errors.clear();
        try {
            users.changePassword(
                    currentUser.actor(), currentPassword.getValue(), newPassword.getValue(), confirmation.getValue());
            currentUser.credentialsChanged();
            currentPassword.clear();
            newPassword.clear();
            confirmation.clear();
            Notifications.success(PASSWORD_CHANGED);
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }
}
