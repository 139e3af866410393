package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Notifications;
import io.tokenkeeper.ui.base.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The New API Token dialog: asks for a name (and an optional expiry), generates the token, then shows its value
 * exactly once with two ways to copy it. Closing before anything was copied asks first. When the dialog closes it
 * forgets the value.
 */
final class NewTokenDialog extends Composite<Dialog> {

    static final String TITLE = "New API Token";
    static final String COPIED = "The token has been copied to your clipboard.";
    static final String SHOWN_ONCE =
            "Copy your new token now. For your security it will not be shown again: not here, not through the API,"
                    + " not to an administrator.";
    static final String DUPLICATE = "You already have a token with this name.";

    /** Generates the token; the view passes the service call in. */
    @FunctionalInterface
    interface Generator {
        GeneratedToken generate(String name, @Nullable Instant expiresAt);
    }

    private final Generator generator;
    private final Set<String> usedNameKeys;
    private final Runnable onGenerated;
    private final Clock clock;
    private final @Nullable Integer maxLifetimeDays;

    private final TextField name = new TextField("Name");
    private final DatePicker expiresOn = new DatePicker("Expiration date");
    private final FieldErrors errors = new FieldErrors().on("name", name).on("expiresAt", expiresOn);
    private final Paragraph formError = new Paragraph();
    private @Nullable TextField value;
    private boolean copied;

    NewTokenDialog(
            Generator generator,
            Set<String> usedNameKeys,
            Runnable onGenerated,
            Clock clock,
            @Nullable Integer maxLifetimeDays) {
        this.generator = generator;
        this.maxLifetimeDays = maxLifetimeDays;
        this.usedNameKeys = Set.copyOf(usedNameKeys);
        this.onGenerated = onGenerated;
        this.clock = clock;
        var dialog = getContent();
        dialog.setHeaderTitle(TITLE);
        dialog.setWidth("36rem");
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

        var tomorrow = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        expiresOn.setMin(tomorrow);
        expiresOn.setClearButtonVisible(true);
        if (maxLifetimeDays == null) {
            expiresOn.setHelperText("Optional. The token stops working when this day begins (UTC).");
        } else {
            var latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(maxLifetimeDays);
            expiresOn.setMax(latest);
            expiresOn.setValue(latest);
            expiresOn.setHelperText("Your administrator allows tokens to live at most " + maxLifetimeDays
                    + " days. The token stops working when this day begins (UTC).");
        }
        expiresOn.setWidthFull();

        formError.addClassName("tk-error");
        formError.setVisible(false);

        var cancel = new Button("Cancel", event -> close());
        var generate = new Button("Generate Token", event -> generate());
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickShortcut(Key.ENTER);

        var body = new VerticalLayout(name, expiresOn, formError);
        body.setPadding(false);
        var dialog = getContent();
        dialog.add(body);
        dialog.getFooter().add(cancel, generate);
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
        try {
            var generated = generator.generate(name.getValue(), Times.startOf(expiresOn.getValue()));
            onGenerated.run();
            showValue(generated);
        } catch (InvalidInputException e) {
            errors.show(e);
        } catch (DomainException e) {
            formError.setText(e.getMessage());
            formError.setVisible(true);
        }
    }

    private void showValue(GeneratedToken generated) {
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();

        var field = new TextField(
                "Your new API token " + quoted(generated.token().name().value()));
        field.setValue(generated.secret().reveal());
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("tk-monospace");
        value = field;

        var copy = new Button(VaadinIcon.COPY_O.create(), event -> {
            copied = true;
            Notifications.success(COPIED);
        });
        copy.setAriaLabel("Copy to Clipboard");
        copy.setTooltipText("Copy to Clipboard");
        copy.addThemeVariants(ButtonVariant.LUMO_ICON);

        var copyAndClose = new Button("Copy to Clipboard & Close", event -> {
            copied = true;
            close();
        });
        copyAndClose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, field);
        var warning = new Paragraph(SHOWN_ONCE);
        warning.addClassName("tk-warning");
        dialog.add(warning, row);
        dialog.getFooter().add(copyAndClose);

        // Bound while the field and buttons are attached and visible: the browser copies inside the click itself.
        Clipboard.onClick(copy).writeText(field);
        Clipboard.onClick(copyAndClose).writeText(field);
    }

    private void requestClose() {
        if (value == null || copied) {
            close();
            return;
        }
        var confirm = Confirmations.destructive(
                "Close without copying?",
                "You have not copied the token. Once this dialog closes, its value cannot be shown again.",
                "Close",
                this::close);
        confirm.setCancelText("Keep Open");
        confirm.open();
    }

    private void close() {
        if (value != null) {
            value.clear();
            value = null;
        }
        var dialog = getContent();
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.close();
    }
}
