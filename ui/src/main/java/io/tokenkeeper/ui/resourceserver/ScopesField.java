package io.tokenkeeper.ui.resourceserver;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource server's scopes as a short editable list: each row a scope name and its one-line description, with a
 * button that removes the row, and Add Scope under them. A malformed name is marked on its row as it is typed; the
 * domain's rules about the list as a whole (none, too many, twice, taken) show on the field itself.
 */
final class ScopesField extends CustomField<List<ScopesField.Draft>> {

    /** One row as typed. */
    record Draft(String scope, String description) {}

    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> shown = new ArrayList<>();

    ScopesField() {
        super(List.of());
        setLabel("Scopes");
        setHelperText("What tokens may be allowed to do at this API: two lower-case words joined by a colon, such as"
                + " orders:read, each with the one line people read when they choose scopes for a token.");
        rows.setPadding(false);
        rows.setSpacing(false);
        var add = new Button("Add Scope", VaadinIcon.PLUS.create(), event -> {
            var row = addRow(new Draft("", ""));
            row.scope.focus();
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var layout = new VerticalLayout(rows, add);
        layout.setPadding(false);
        layout.setSpacing(false);
        add(layout);
        setWidthFull();
        setPresentationValue(List.of());
    }

    /**
     * The rows that are not blank as the domain's scopes; empty, with the rule marked on the row's field, when a row
     * breaks one.
     */
    Optional<List<ScopeDefinition>> definitions() {
        shown.forEach(Row::clearError);
        var definitions = new ArrayList<ScopeDefinition>();
        for (var row : shown) {
            if (row.isBlank()) {
                continue;
            }
            Scope scope;
            try {
                scope = Scope.of(row.scope.getValue());
            } catch (InvalidInputException e) {
                return row.invalid(row.scope, e);
            }
            try {
                definitions.add(new ScopeDefinition(scope, row.description.getValue()));
            } catch (InvalidInputException e) {
                return row.invalid(row.description, e);
            }
        }
        return Optional.of(definitions);
    }

    @Override
    protected List<Draft> generateModelValue() {
        return shown.stream().map(Row::draft).toList();
    }

    @Override
    protected void setPresentationValue(List<Draft> drafts) {
        rows.removeAll();
        shown.clear();
        drafts.forEach(this::addRow);
        if (drafts.isEmpty()) {
            addRow(new Draft("", ""));
        }
    }

    private Row addRow(Draft draft) {
        var row = new Row(draft);
        shown.add(row);
        rows.add(row.layout);
        renumber();
        return row;
    }

    private void remove(Row row) {
        shown.remove(row);
        rows.remove(row.layout);
        if (shown.isEmpty()) {
            addRow(new Draft("", ""));
        }
        renumber();
        updateValue();
        shown.getLast().scope.focus();
    }

    private void renumber() {
        for (int i = 0; i < shown.size(); i++) {
            var remove = shown.get(i).remove;
            remove.setAriaLabel("Remove scope " + (i + 1));
            remove.setTooltipText("Remove scope " + (i + 1));
        }
    }

    /** The fields of one scope. */
    private final class Row {

        final TextField scope = new TextField("Scope");
        final TextField description = new TextField("One-line description");
        final Button remove = new Button(VaadinIcon.TRASH.create());
        final HorizontalLayout layout;

        Row(Draft draft) {
            scope.setValue(draft.scope());
            scope.setPlaceholder("orders:read");
            scope.setWidth("13rem");
            scope.setMaxWidth("100%");
            scope.addClassName("tk-monospace");
            scope.setManualValidation(true);
            scope.addValueChangeListener(event -> {
                checkScope();
                updateValue();
            });
            description.setValue(draft.description());
            description.setPlaceholder("Read orders");
            description.setMinWidth("12rem");
            description.setManualValidation(true);
            description.addValueChangeListener(event -> {
                description.setInvalid(false);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.addClickListener(event -> ScopesField.this.remove(this));
            layout = new HorizontalLayout(scope, description, remove);
            layout.setWidthFull();
            layout.setWrap(true);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.setFlexGrow(1, description);
        }

        Draft draft() {
            return new Draft(scope.getValue(), description.getValue());
        }

        boolean isBlank() {
            return scope.getValue().isBlank() && description.getValue().isBlank();
        }

        /** Marks a malformed name at once; an empty one waits until the form is saved. */
        private void checkScope() {
            scope.setInvalid(false);
            if (scope.getValue().isBlank()) {
                return;
            }
            try {
                Scope.of(scope.getValue());
            } catch (InvalidInputException e) {
                scope.setErrorMessage(e.getMessage());
                scope.setInvalid(true);
            }
        }

        void clearError() {
            scope.setInvalid(false);
            description.setInvalid(false);
        }

        Optional<List<ScopeDefinition>> invalid(TextField field, InvalidInputException error) {
            field.setErrorMessage(error.getMessage());
            field.setInvalid(true);
            field.focus();
            return Optional.empty();
        }
    }
}
