package io.tokenkeeper.ui.policy;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.policy.LifecyclePolicy;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import java.util.stream.Collectors;

/** The part of Administration › Policy about tokens' lives: inactive tokens and expiry reminders. */
final class LifecyclePolicyForm extends Composite<VerticalLayout> {

    static final String UNUSED = "Disable tokens unused for (days)";
    static final String REMINDERS = "Remind owners before expiry (days)";
    static final String SAVED = "The lifecycle rules were saved.";

    private final LifecyclePolicyService policies;
    private final CurrentUser currentUser;
    private final IntegerField unused = new IntegerField(UNUSED);
    private final TextField reminders = new TextField(REMINDERS);
    private final FieldErrors errors =
            new FieldErrors().on("disableUnusedAfterDays", unused).on("reminderDays", reminders);

    LifecyclePolicyForm(LifecyclePolicyService policies, CurrentUser currentUser) {
        this.policies = policies;
        this.currentUser = currentUser;
        unused.setMin(1);
        unused.setMax(LifecyclePolicy.MAX_DAYS);
        unused.setClearButtonVisible(true);
        unused.setHelperText("Empty means never. Such tokens are disabled, not revoked; their owners are told and"
                + " may enable them again. A token never used counts from its creation.");
        reminders.setHelperText("Comma-separated, for example 30, 7, 1. Empty means no reminders.");
        var save = new Button("Save Lifecycle Rules", event -> save());
        var layout = getContent();
        layout.setPadding(false);
        layout.add(new H3("Token lifecycle"), new FormLayout(unused, reminders), save);
        show(policies.current());
    }

    private void show(LifecyclePolicy policy) {
        unused.setValue(policy.disableUnusedAfterDays());
        reminders.setValue(policy.reminderDays().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    private void save() {
        errors.clear();
        try {
            show(policies.update(
                    currentUser.actor(), unused.getValue(), LifecyclePolicy.parseDays(reminders.getValue())));
            Notifications.success(SAVED);
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }
}
