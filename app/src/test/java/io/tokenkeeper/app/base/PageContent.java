package io.tokenkeeper.app.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;

/** Everything the server-side UI tree would render: texts, attributes and properties of every element. */
public final class PageContent {

    private PageContent() {}

    public static boolean contains(String needle) {
        return contains(UI.getCurrent().getElement(), needle);
    }

    private static boolean contains(Element element, String needle) {
        if (element.isTextNode() && element.getText().contains(needle)) {
            return true;
        }
        for (String name : element.getAttributeNames().toList()) {
            if (String.valueOf(element.getAttribute(name)).contains(needle)) {
                return true;
            }
        }
        for (String name : element.getPropertyNames().toList()) {
            if (String.valueOf(element.getPropertyRaw(name)).contains(needle)) {
                return true;
            }
        }
        return element.getChildren().anyMatch(child -> contains(child, needle));
    }
}
