package io.tokenkeeper.ui.token;

import static io.tokenkeeper.ui.base.Quotes.quoted;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tokenkeeper.domain.token.FreezeResult;

/** Which tokens a freeze disabled or an unfreeze enabled: a sentence, then one line per token (name and hint). */
final class FreezeResultList extends Composite<VerticalLayout> {

    FreezeResultList(FreezeResult result, String summary, String none) {
        var layout = getContent();
        layout.setPadding(false);
        if (result.tokens().isEmpty()) {
            layout.add(new Paragraph(none));
            return;
        }
        layout.add(new Paragraph(summary));
        var list = new UnorderedList();
        list.getElement().setAttribute("aria-label", "Tokens");
        result.tokens()
                .forEach(token -> list.add(new ListItem(
                        quoted(token.name().value()) + " (" + token.hint().value() + ")")));
        layout.add(list);
    }

    /** Replaces what the dialog asked with this list, and its buttons with Close. */
    void showIn(Dialog dialog) {
        dialog.removeAll();
        dialog.add(this);
        dialog.getFooter().removeAll();
        var close = new Button("Close", event -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
    }

    /** "1 token" or "2 tokens". */
    static String count(FreezeResult result) {
        int size = result.tokens().size();
        return size + (size == 1 ? " token" : " tokens");
    }
}
