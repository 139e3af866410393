package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.ScopeChoices;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.OneTimeFields;
import io.tokenkeeper.ui.base.OneTimeValueDialog;
import io.tokenkeeper.ui.base.Times;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The New API Token dialog: asks for a name (and an optional expiry, scopes and allowed addresses), generates the
 * token, then shows its value exactly once with ways to copy it, a ready {@code curl} line, the HTTP Basic usernames
 * and a button that tries it. Closing before anything was copied asks first. When the dialog closes it forgets the
 * value.
 */
final class NewTokenDialog extends Composite<Dialog> {

    static final String TITLE = "New API Token";
    static final String COPIED = "The token has been copied to your clipboard.";
    static final String SHOWN_ONCE =
            "Copy your new token now. For your security it will not be shown again: not here, not through the API,"
                    + " not to an administrator.";
    /** The words of every dialog that shows a token's value once. */
    static final OneTimeValueDialog.Words TOKEN_VALUE = new OneTimeValueDialog.Words(SHOWN_ONCE, COPIED);

    static final String SHOWN_ONCE_AHEAD =
            "After you generate the token, its value is shown once, here: copy it then. It cannot be shown again.";
    static final String SCOPES_FIXED = "Scopes cannot be changed after the token is created.";
    static final String DUPLICATE = "You already have a token with this name.";

    /** Generates the token; the view passes the service call in. */
    @FunctionalInterface
    interface Generator {
        GeneratedToken generate(TokenRequest request);
    }

    /** What the dialog needs to know about the person and the API to show how the new token is used. */
    record Usage(String username, String apiBaseUrl, Function<TokenSecret, String> tester) {}

    private final Generator generator;
    private final Set<String> usedNameKeys;
    private final Runnable onGenerated;
    private final Runnable onClosed;
    private final Clock clock;
    private final @Nullable Integer maxLifetimeDays;
    private final ScopeChoices scopeChoices;
    private final Usage usage;

    private final TextField name = new TextField("Name");
    private final DatePicker expiresOn = new DatePicker("Expiration date");
    private final List<CheckboxGroup<ScopeDefinition>> scopeGroups = new ArrayList<>();
    private final Div scopes = new Div();
    private final TextArea allowedAddresses = new TextArea("Allowed addresses");
    private final FieldErrors errors =
            new FieldErrors().on("name", name).on("expiresAt", expiresOn).on("allowedAddresses", allowedAddresses);
    private final Paragraph formError = new Paragraph();
    private @Nullable GeneratedToken generated;
    private final OneTimeFields fields = new OneTimeFields();

    NewTokenDialog(
            Generator generator,
            Set<String> usedNameKeys,
            Runnable onGenerated,
            Runnable onClosed,
            Clock clock,
            @Nullable Integer maxLifetimeDays,
            ScopeChoices scopeChoices,
            Usage usage) {
        this.generator = generator;
        this.maxLifetimeDays = maxLifetimeDays;
        this.usedNameKeys = Set.copyOf(usedNameKeys);
        this.onGenerated = onGenerated;
        this.onClosed = onClosed;
        this.clock = clock;
        this.scopeChoices = scopeChoices;
        this.usage = usage;
        var dialog = getContent();
        dialog.setHeaderTitle(TITLE);
        dialog.setWidth("40rem");
        dialog.setMaxWidth("100%");
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(event -> requestClose());
        dialog.getHeader().add(createCloseButton());
        showForm();
    }

    void open() {
        getContent().open();
        name.focus();
    }

    private Button createCloseButton() {
        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), event -> requestClose());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        close.setTooltipText("Close");
        return close;
    }

    private void showForm() {
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setHelperText(counter(""));
        name.addValueChangeListener(event -> validateName(event.getValue()));

        ExpiryDays.limit(expiresOn, clock.instant(), maxLifetimeDays);

        allowedAddresses.setWidthFull();
        allowedAddresses.setHelperText("Optional. IP addresses or ranges the token may be used from, one per line"
                + " (for example 203.0.113.7 or 10.0.0.0/8). Empty means from anywhere.");

        formError.addClassName("tk-error");
        formError.setVisible(false);

        var ahead = new Paragraph(SHOWN_ONCE_AHEAD);
        ahead.addClassName("tk-note");

        var cancel = new Button("Cancel", event -> close());
        var generate = new Button("Generate Token", event -> generate());
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in the name generates at once; Enter in the date picker only picks the date.
        generate.addClickShortcut(Key.ENTER).listenOn(name);

        var body = new VerticalLayout(ahead, name, expiresOn, createScopes(), allowedAddresses, formError);
        body.setPadding(false);
        var dialog = getContent();
        dialog.add(body);
        dialog.getFooter().add(cancel, generate);
    }

    /** One group of checkboxes per resource server, the policy's default scopes ticked. */
    private Component createScopes() {
        var heading = new H3("Scopes");
        heading.addClassName("tk-subheading");
        var note = new Paragraph("What the token may do. " + SCOPES_FIXED);
        note.addClassName("tk-note");
        scopes.add(heading, note);
        for (var group : scopeChoices.groups()) {
            var boxes = new CheckboxGroup<ScopeDefinition>(group.serverName());
            boxes.setItems(group.scopes());
            boxes.setItemLabelGenerator(definition -> definition.scope().value() + " — " + definition.description());
            boxes.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            boxes.setValue(group.scopes().stream()
                    .filter(definition -> scopeChoices.defaults().contains(definition.scope()))
                    .collect(java.util.stream.Collectors.toSet()));
            boxes.addValueChangeListener(event -> {
                boxes.setInvalid(false);
                scopeGroups.forEach(other -> other.setInvalid(false));
            });
            scopeGroups.add(boxes);
            scopes.add(boxes);
        }
        scopes.setWidthFull();
        return scopes;
    }

    private static String counter(String text) {
        return Text.length(Text.normalise(text)) + "/" + TokenName.MAX_LENGTH;
    }

    private boolean validateName(String text) {
        name.setHelperText(counter(text));
        try {
            var candidate = TokenName.of(text);
            if (usedNameKeys.contains(candidate.key())) {
                return invalid(DUPLICATE);
            }
            name.setInvalid(false);
            name.setErrorMessage(null);
            return true;
        } catch (InvalidInputException e) {
            return invalid(e.getMessage());
        }
    }

    private boolean invalid(String message) {
        name.setErrorMessage(message);
        name.setInvalid(true);
        return false;
    }

    private void generate() {
        if (!validateName(name.getValue())) {
            name.focus();
            return;
        }
        errors.clear();
        formError.setVisible(false);
        try {
            var token = generator.generate(
                    new TokenRequest(name.getValue(), Times.endOf(expiresOn.getValue()), chosenScopes(), addresses()));
            onGenerated.run();
            showValue(token);
        } catch (InvalidInputException e) {
            if ("scopes".equals(e.field()) && !scopeGroups.isEmpty()) {
                scopeGroups.forEach(group -> {
                    group.setErrorMessage(e.getMessage());
                    group.setInvalid(true);
                });
                scopeGroups.getFirst().getElement().callJsFunction("focus");
            } else {
                errors.show(e);
            }
        } catch (DomainException e) {
            formError.setText(e.getMessage());
            formError.setVisible(true);
        }
    }

    /** The ticked scopes; {@code null} (the policy's defaults) when there was nothing to choose from. */
    private @Nullable List<String> chosenScopes() {
        if (scopeGroups.isEmpty()) {
            return null;
        }
        return scopeGroups.stream()
                .flatMap(group -> group.getValue().stream())
                .map(definition -> definition.scope().value())
                .sorted()
                .toList();
    }

    private List<String> addresses() {
        return Arrays.stream(allowedAddresses.getValue().split("[\\s,]+"))
                .filter(text -> !text.isBlank())
                .toList();
    }

    private void showValue(GeneratedToken token) {
        generated = token;
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();

        String value = token.secret().reveal();
        var field = fields.readOnly(
                "Your new API token " + quoted(token.token().name().value()), value);
        // The warning is the field's description, so a screen reader reads it with the value when the focus arrives.
        field.setHelperText(SHOWN_ONCE);
        field.addClassName("tk-token-value");

        var copy = copyButton("Copy to Clipboard", field);
        var copyAndClose = fields.copyAndClose(this::close);

        var howTo = new H3("Use it");
        howTo.addClassName("tk-subheading");
        var curl = fields.readOnly(
                "Call the API with curl",
                "curl -H \"Authorization: Bearer " + value + "\" " + usage.apiBaseUrl() + "/api/v1/me");
        var basic = fields.readOnly("Or with HTTP Basic: username (the token is the password)", usage.username());
        var boomi = fields.readOnly(
                "Or the username as Boomi writes it", TokenAuthenticator.BOOMI_PREFIX + usage.username());

        var result = new Paragraph();
        result.addClassName("tk-test-result");
        result.getElement().setAttribute("aria-live", "polite");
        var test = new Button("Test token", VaadinIcon.PLAY.create(), event -> {
            if (generated != null) {
                result.setText(usage.tester().apply(generated.secret()));
            }
        });
        var testRow = new HorizontalLayout(test, result);
        testRow.setAlignItems(FlexComponent.Alignment.CENTER);
        testRow.setWrap(true);

        dialog.add(
                OneTimeFields.row(field, copy),
                howTo,
                OneTimeFields.row(curl, copyButton("Copy the curl command", curl)),
                OneTimeFields.row(basic, copyButton("Copy the username", basic)),
                OneTimeFields.row(boomi, copyButton("Copy the Boomi username", boomi)),
                testRow);
        dialog.getFooter().add(copyAndClose);

        // Bound while the fields and buttons are attached and visible: the browser copies inside the click itself.
        Clipboard.onClick(copyAndClose).writeText(field);
        field.focus();
    }

    /** Copying anything that holds the token (its field, the curl command) counts as copying the token. */
    private Button copyButton(String label, TextField field) {
        boolean secret = field.getValue().contains(TokenSecret.PREFIX);
        var copy = fields.copyButton(label, secret, secret ? COPIED : "Copied.");
        Clipboard.onClick(copy).writeText(field);
        return copy;
    }

    private void requestClose() {
        fields.requestClose(
                generated != null,
                "You have not copied the token. Once this dialog closes, its value cannot be shown again.",
                this::close);
    }

    private void close() {
        fields.forget();
        generated = null;
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.close();
        onClosed.run();
    }
}
