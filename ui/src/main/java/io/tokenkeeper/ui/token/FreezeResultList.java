package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.Composite;
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
                .forEach(token -> list.add(new ListItem("\u201C" + token.name().value() + "\u201D ("
                        + token.hint().value() + ")")));
        layout.add(list);
    }

    /** "1 token" or "2 tokens". */
    static String count(FreezeResult result) {
        int size = result.tokens().size();
        return size + (size == 1 ? " token" : " tokens");
    }
}
