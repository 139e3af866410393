package io.tokenkeeper.ui.resourceserver;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.resourceserver.RegisteredResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.OneTimeValueDialog;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * New Resource Server and Edit in one dialog. New registers the server, then shows its client ID and, once, its client
 * secret. Edit saves name, identifier, description and scopes; taking away a scope that tokens hold asks first, with
 * the service's count of them. A broken rule comes back as a message on its field.
 */
final class ResourceServerDialog extends OneTimeValueDialog {

    static final String NEW_TITLE = "New Resource Server";
    static final OneTimeValueDialog.Words CLIENT_SECRET = new OneTimeValueDialog.Words(
            "Copy the client secret now and configure the resource server with it and the client ID. For your"
                    + " security it will not be shown again: not here, not through the API.",
            "The client secret has been copied to your clipboard.");
    static final String SHOWN_ONCE_AHEAD = "After you register it, its client ID and secret are shown here; the"
            + " secret only once, so copy it then.";

    /** What the form holds when it is saved. */
    record Form(String name, String identifier, String description, List<ScopeDefinition> scopes) {}

    @FunctionalInterface
    interface Registration {
        RegisteredResourceServer register(Form form);
    }

    @FunctionalInterface
    interface Change {
        /** @param removeHeldScopes whether tokens that hold a scope the form leaves out may lose it */
        void change(Form form, boolean removeHeldScopes);
    }

    private final TextField name = new TextField("Name");
    private final TextField identifier = new TextField("Identifier");
    private final TextArea description = new TextArea("Description");
    private final ScopesField scopes = new ScopesField();
    private final FieldErrors errors = new FieldErrors()
            .on("name", name)
            .on("identifier", identifier)
            .on("description", description)
            .on("scopes", scopes);
    private final Paragraph formError = new Paragraph();

    private ResourceServerDialog(String title) {
        super(title, CLIENT_SECRET);
        getContent().setWidth("44rem");
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setHelperText("How administrators and people choosing scopes for a token know it, e.g. Orders API.");
        identifier.setRequiredIndicatorVisible(true);
        identifier.setWidthFull();
        identifier.setPlaceholder("https://orders.example.com");
        identifier.setHelperText("An absolute URI, usually the API's base URL, such as https://orders.example.com."
                + " Introspection answers name it as the token's audience (aud).");
        identifier.addClassName("tk-monospace");
        description.setWidthFull();
        description.setHelperText("Optional.");
        for (var field : List.of(name, identifier)) {
            // The view shows the domain's messages; the components' own checks would clear them on blur.
            field.setManualValidation(true);
        }
        description.setManualValidation(true);
        formError.addClassName("tk-error");
        formError.setVisible(false);
    }

    /** The New Resource Server dialog. */
    static ResourceServerDialog registering(Registration registration, Runnable onRegistered) {
        var dialog = new ResourceServerDialog(NEW_TITLE);
        var ahead = new Paragraph(SHOWN_ONCE_AHEAD);
        ahead.addClassName("tk-note");
        dialog.showForm(ahead, "Register", form -> {
            var registered = registration.register(form);
            onRegistered.run();
            var server = registered.server();
            dialog.showValue(
                    "Client secret of " + quoted(server.name()),
                    registered.secret().reveal(),
                    new Alongside(
                            "Client ID",
                            Objects.requireNonNull(server.clientId()).value()));
        });
        return dialog;
    }

    /** The Edit dialog of {@code server}. */
    static ResourceServerDialog editing(ResourceServer server, Change change, Runnable onChanged) {
        var dialog = new ResourceServerDialog("Edit " + quoted(server.name()));
        dialog.name.setValue(server.name());
        dialog.identifier.setValue(server.identifier().value());
        dialog.description.setValue(server.description());
        dialog.scopes.setValue(server.scopes().stream()
                .map(definition -> new ScopesField.Draft(definition.scope().value(), definition.description()))
                .toList());
        var note = new Paragraph("Its client ID and secret stay the same. A scope you remove is taken from every"
                + " token that holds it.");
        note.addClassName("tk-note");
        dialog.showForm(note, "Save", form -> {
            try {
                change.change(form, false);
            } catch (ConflictException e) {
                var kept = form.scopes().stream().map(ScopeDefinition::scope).toList();
                if (kept.containsAll(server.scopeNames())) {
                    throw e;
                }
                Confirmations.destructive(
                                "Remove scopes from tokens?",
                                e.getMessage(),
                                "Remove Scopes",
                                () -> dialog.attempt(() -> {
                                    change.change(form, true);
                                    onChanged.run();
                                    dialog.close();
                                }))
                        .open();
                return;
            }
            onChanged.run();
            dialog.close();
        });
        return dialog;
    }

    private void showForm(Paragraph note, String saveText, Consumer<Form> save) {
        var cancel = new Button("Cancel", event -> close());
        var saveButton = new Button(saveText, event -> {
            errors.clear();
            formError.setVisible(false);
            scopes.definitions()
                    .ifPresent(chosen -> attempt(() -> save.accept(
                            new Form(name.getValue(), identifier.getValue(), description.getValue(), chosen))));
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var body = new VerticalLayout(note, name, identifier, description, scopes, formError);
        body.setPadding(false);
        getContent().add(body);
        getContent().getFooter().add(cancel, saveButton);
    }

    /** Runs the service call; a broken rule shows on its field, any other refusal above the buttons. */
    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            errors.show(e);
        } catch (DomainException e) {
            formError.setText(e.getMessage());
            formError.setVisible(true);
        }
    }

    @Override
    public void open() {
        super.open();
        name.focus();
    }
}
