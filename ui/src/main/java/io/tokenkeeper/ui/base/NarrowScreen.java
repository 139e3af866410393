package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Whether the browser window is as narrow as a phone's, for the pages that lay themselves out differently there (a
 * grid's two-line rows instead of many columns). Told when the component is attached and whenever the window crosses
 * the line.
 */
public final class NarrowScreen {

    /** Windows narrower than this, in CSS pixels, get the phone layout. */
    public static final int MAX_WIDTH = 700;

    private NarrowScreen() {}

    /** Calls {@code layout} with {@code true} for a phone-sized window, while {@code component} is attached. */
    public static void follow(Component component, Consumer<Boolean> layout) {
        var state = new Object() {
            @Nullable
            Boolean narrow;

            @Nullable
            Registration resize;
        };
        Consumer<Integer> apply = width -> {
            boolean narrow = width > 0 && width < MAX_WIDTH;
            if (state.narrow == null || state.narrow != narrow) {
                state.narrow = narrow;
                layout.accept(narrow);
            }
        };
        component.addAttachListener(event -> {
            UI ui = event.getUI();
            apply.accept(ui.getPage().getExtendedClientDetails().getWindowInnerWidth());
            state.resize = ui.getPage().addBrowserWindowResizeListener(resized -> apply.accept(resized.getWidth()));
        });
        component.addDetachListener(event -> {
            if (state.resize != null) {
                state.resize.remove();
                state.resize = null;
            }
        });
    }
}
