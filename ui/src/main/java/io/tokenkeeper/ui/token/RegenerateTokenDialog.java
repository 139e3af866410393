package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.token.ExpiryChoice;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.Overlap;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.ui.base.Confirmations;
import io.tokenkeeper.ui.base.Notifications;
import org.jspecify.annotations.Nullable;

/**
 * The Regenerate Token dialog: asks how long the old value keeps working and what becomes of the expiry, issues the
 * new value, then shows it once with the same copy buttons and words as the New API Token dialog. The token keeps its
 * name, scopes and settings.
 */
final class RegenerateTokenDialog extends Composite<Dialog> {

    static final String TITLE = "Regenerate Token";
    static final String OVERLAP = "Old value keeps working";
    static final String EXPIRY = "Expiry";

    /** Regenerates the token; the view passes the service call in. */
    @FunctionalInterface
    interface Regenerator {
        GeneratedToken regenerate(Overlap overlap, ExpiryChoice expiry);
    }

    private final Regenerator regenerator;
    private final Runnable onRegenerated;
    private final RadioButtonGroup<Overlap> overlap = new RadioButtonGroup<>(OVERLAP);
    private final RadioButtonGroup<ExpiryChoice> expiry = new RadioButtonGroup<>(EXPIRY);
    private final Paragraph formError = new Paragraph();
    private @Nullable TextField value;
    private boolean copied;

    RegenerateTokenDialog(Token token, Regenerator regenerator, Runnable onRegenerated) {
        this.regenerator = regenerator;
        this.onRegenerated = onRegenerated;
        var dialog = getContent();
        dialog.setHeaderTitle(TITLE);
        dialog.setWidth("36rem");
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(event -> requestClose());
        showForm(token);
    }

    void open() {
        getContent().open();
    }

    private void showForm(Token token) {
        var intro = new Paragraph("Issue a new value for " + quoted(token.name().value())
                + ". Name, scopes and settings stay the same. Give what uses the token time to switch:");
        overlap.setItems(Overlap.values());
        overlap.setItemLabelGenerator(Overlap::label);
        overlap.setValue(Overlap.ONE_DAY);
        overlap.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        expiry.setItems(ExpiryChoice.values());
        expiry.setItemLabelGenerator(ExpiryChoice::label);
        expiry.setValue(ExpiryChoice.FRESH);
        formError.addClassName("tk-error");
        formError.setVisible(false);

        var cancel = new Button("Cancel", event -> close());
        var regenerate = new Button("Regenerate Token", event -> regenerate());
        regenerate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var body = new VerticalLayout(intro, overlap, expiry, formError);
        body.setPadding(false);
        getContent().add(body);
        getContent().getFooter().add(cancel, regenerate);
    }

    private void regenerate() {
        try {
            var generated = regenerator.regenerate(overlap.getValue(), expiry.getValue());
            onRegenerated.run();
            showValue(generated);
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
                "The new value of " + quoted(generated.token().name().value()));
        field.setValue(generated.secret().reveal());
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("tk-monospace");
        value = field;

        var copy = new Button(VaadinIcon.COPY_O.create(), event -> {
            copied = true;
            Notifications.success(NewTokenDialog.COPIED);
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
        var warning = new Paragraph(NewTokenDialog.SHOWN_ONCE);
        warning.addClassName("tk-warning");
        dialog.add(warning, row);
        dialog.getFooter().add(copyAndClose);

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
                "You have not copied the new value. Once this dialog closes, it cannot be shown again.",
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
