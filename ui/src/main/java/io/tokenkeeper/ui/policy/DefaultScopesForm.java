package io.tokenkeeper.ui.policy;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.ui.base.CurrentUser;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The part of Administration › Policy about scopes: which ones the New API Token dialog pre-selects, and a token
 * created through the API without a choice gets. One group of checkboxes per resource server.
 */
final class DefaultScopesForm extends Composite<VerticalLayout> {

    static final String LABEL = "Default scopes of new tokens";
    static final String SAVED = "The default scopes were saved.";

    private final PolicyService policies;
    private final CurrentUser currentUser;
    private final DefaultScopesField scopes;
    private final FieldErrors errors;

    DefaultScopesForm(PolicyService policies, ResourceServerAdministration servers, CurrentUser currentUser) {
        this.policies = policies;
        this.currentUser = currentUser;
        scopes = new DefaultScopesField(servers.list(currentUser.actor()));
        errors = new FieldErrors().on("defaultScopes", scopes);
        scopes.setValue(policies.defaultScopes());
        var save = new Button("Save Default Scopes", event -> save());
        var layout = getContent();
        layout.setPadding(false);
        layout.add(new H3("Scopes of new tokens"), scopes, save);
    }

    private void save() {
        errors.clear();
        try {
            var saved = policies.updateDefaultScopes(
                    currentUser.actor(),
                    scopes.getValue().stream().map(Scope::value).toList());
            scopes.setValue(saved);
            Notifications.success(SAVED);
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }

    /** The scopes of every resource server, ticked when they are among the value. */
    private static final class DefaultScopesField extends CustomField<Set<Scope>> {

        private final List<CheckboxGroup<ScopeDefinition>> groups = new ArrayList<>();
        private boolean presenting;

        DefaultScopesField(List<ResourceServer> servers) {
            super(Set.of());
            setLabel(LABEL);
            setHelperText("Ticked in the New API Token dialog until its creator changes them, and given to a token"
                    + " created through the API without scopes. Tokens that exist keep theirs.");
            var layout = new VerticalLayout();
            layout.setPadding(false);
            layout.setSpacing(false);
            for (var server : servers) {
                var group = new CheckboxGroup<ScopeDefinition>(
                        server.enabled() ? server.name() : server.name() + " (disabled)");
                group.setItems(server.scopes());
                group.setItemLabelGenerator(
                        definition -> definition.scope().value() + " — " + definition.description());
                group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                group.addValueChangeListener(event -> {
                    if (!presenting) {
                        updateValue();
                    }
                });
                groups.add(group);
                layout.add(group);
            }
            add(layout);
        }

        @Override
        protected Set<Scope> generateModelValue() {
            return groups.stream()
                    .flatMap(group -> group.getValue().stream())
                    .map(ScopeDefinition::scope)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        protected void setPresentationValue(Set<Scope> chosen) {
            presenting = true;
            try {
                for (var group : groups) {
                    group.setValue(group.getListDataView()
                            .getItems()
                            .filter(definition -> chosen.contains(definition.scope()))
                            .collect(Collectors.toSet()));
                }
            } finally {
                presenting = false;
            }
        }
    }
}
