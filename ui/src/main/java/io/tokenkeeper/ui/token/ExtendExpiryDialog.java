package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.ui.base.FieldErrors;
import io.tokenkeeper.ui.base.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Asks for a token's new expiry date; the token keeps its value. The policy's maximum lifetime is the limit. */
final class ExtendExpiryDialog extends Composite<Dialog> {

    static final String TITLE = "Extend Expiry";
    static final String DATE = "New expiration date";

    private final DatePicker expiresOn = new DatePicker(DATE);
    private final FieldErrors errors = new FieldErrors().on("expiresAt", expiresOn);

    ExtendExpiryDialog(
            Token token, Clock clock, @Nullable Integer maxLifetimeDays, Consumer<@Nullable Instant> extend) {
        var dialog = getContent();
        dialog.setHeaderTitle(TITLE);
        dialog.setWidth("32rem");
        ExpiryDays.limit(expiresOn, clock.instant(), maxLifetimeDays);
        var intro = new Paragraph(quoted(token.name().value()) + " keeps its value. It expires now: "
                + Times.localOr(token.expiresAt(), "never") + ".");

        var cancel = new Button("Cancel", event -> dialog.close());
        var save = new Button("Extend", event -> {
            errors.clear();
            try {
                extend.accept(Times.endOf(expiresOn.getValue()));
                dialog.close();
            } catch (InvalidInputException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(intro, expiresOn);
        dialog.getFooter().add(cancel, save);
    }

    void open() {
        getContent().open();
    }
}
