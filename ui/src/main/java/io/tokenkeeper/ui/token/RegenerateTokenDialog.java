package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.token.ExpiryChoice;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.Overlap;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.ui.base.OneTimeValueDialog;

/**
 * The Regenerate Token dialog: asks how long the old value keeps working and what becomes of the expiry, issues the
 * new value, then shows it once with the same copy buttons and words as the New API Token dialog. The token keeps its
 * name, scopes and settings.
 */
final class RegenerateTokenDialog extends OneTimeValueDialog {

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

    RegenerateTokenDialog(Token token, Regenerator regenerator, Runnable onRegenerated) {
        super(TITLE, NewTokenDialog.TOKEN_VALUE);
        this.regenerator = regenerator;
        this.onRegenerated = onRegenerated;
        showForm(token);
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
            showValue(
                    "The new value of " + quoted(generated.token().name().value()),
                    generated.secret().reveal());
        } catch (DomainException e) {
            formError.setText(e.getMessage());
            formError.setVisible(true);
        }
    }
}
