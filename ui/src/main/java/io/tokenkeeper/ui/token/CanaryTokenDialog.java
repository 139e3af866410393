package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.OneTimeValueDialog;
import java.util.function.Function;

/**
 * The Add Canary Token dialog: a decoy token to leave where a thief would look. It never authenticates; any use alerts
 * its owner and every administrator. Its value is shown once, like any token's.
 */
final class CanaryTokenDialog extends OneTimeValueDialog {

    static final String TITLE = "Add Canary Token";
    static final String EXPLANATION = "A canary token looks like any other token but never works. Leave it where a"
            + " thief would look (a repository, a wiki, a config file): any use of it alerts you and every"
            + " administrator with the caller's address, user agent and path.";

    private final TextField name = new TextField("Name");
    private final FieldErrors errors = new FieldErrors().on("name", name);
    private final Paragraph formError = new Paragraph();

    CanaryTokenDialog(Function<String, GeneratedToken> create, Runnable onCreated) {
        super(TITLE, NewTokenDialog.TOKEN_VALUE);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        formError.addClassName("tk-error");
        formError.setVisible(false);
        var cancel = new Button("Cancel", event -> close());
        var generate = new Button("Generate Canary", event -> {
            errors.clear();
            try {
                var generated = create.apply(name.getValue());
                onCreated.run();
                showValue(
                        "Your canary token " + quoted(generated.token().name().value()),
                        generated.secret().reveal());
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (DomainException e) {
                formError.setText(e.getMessage());
                formError.setVisible(true);
            }
        });
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickShortcut(Key.ENTER);
        var body = new VerticalLayout(new Paragraph(EXPLANATION), name, formError);
        body.setPadding(false);
        getContent().add(body);
        getContent().getFooter().add(cancel, generate);
    }
}
