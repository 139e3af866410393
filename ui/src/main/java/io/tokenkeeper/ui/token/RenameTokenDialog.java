package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.ui.base.FieldErrors;
import java.util.function.Consumer;

/** Asks for a token's new name; the value of the token stays the same. */
final class RenameTokenDialog extends Composite<Dialog> {

    static final String KEEPS_VALUE = "The token keeps its value; only the name changes.";

    private final TextField name = new TextField("Name");
    private final FieldErrors errors = new FieldErrors().on("name", name);

    RenameTokenDialog(Token token, Consumer<String> rename) {
        var dialog = getContent();
        dialog.setHeaderTitle("Rename Token");
        dialog.setWidth("32rem");
        dialog.setMaxWidth("100%");

        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), event -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        close.setTooltipText("Close");
        dialog.getHeader().add(close);

        name.setValue(token.name().value());
        name.setWidthFull();
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setHelperText(helper(name.getValue()));
        name.addValueChangeListener(event -> name.setHelperText(helper(event.getValue())));

        var cancel = new Button("Cancel", event -> dialog.close());
        var save = new Button("Save", event -> {
            errors.clear();
            try {
                rename.accept(name.getValue());
                dialog.close();
            } catch (InvalidInputException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(name);

        dialog.add(name);
        dialog.getFooter().add(cancel, save);
    }

    void open() {
        getContent().open();
        name.focus();
    }

    private static String helper(String text) {
        return Text.length(Text.normalise(text)) + "/" + TokenName.MAX_LENGTH + " · " + KEEPS_VALUE;
    }
}
