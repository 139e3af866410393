package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;

/**
 * Light, dark, or whatever the operating system prefers: the person's choice of colours, kept in their browser (it is
 * a preference of the device, not of the account) and applied to every page before it paints.
 */
public enum ColorSchemeChoice {
    SYSTEM("Match System", ColorScheme.Value.LIGHT_DARK),
    LIGHT("Light", ColorScheme.Value.LIGHT),
    DARK("Dark", ColorScheme.Value.DARK);

    private static final String STORAGE_KEY = "tokenkeeper.color-scheme";

    /** Applies a stored choice to the page, as {@code Page#setColorScheme} would, before anything renders. */
    static final String RESTORE_SCRIPT = "try { const scheme = localStorage.getItem('" + STORAGE_KEY + "');"
            + " if (scheme === 'light' || scheme === 'dark') {"
            + " document.documentElement.setAttribute('theme', scheme);"
            + " document.documentElement.style.colorScheme = scheme; } } catch (e) { }";

    private final String label;
    private final ColorScheme.Value scheme;

    ColorSchemeChoice(String label, ColorScheme.Value scheme) {
        this.label = label;
        this.scheme = scheme;
    }

    public String label() {
        return label;
    }

    /** The choice the page shows now. */
    public static ColorSchemeChoice current(UI ui) {
        return switch (ui.getPage().getColorScheme()) {
            case LIGHT -> LIGHT;
            case DARK -> DARK;
            default -> SYSTEM;
        };
    }

    /** Shows the page in this scheme and remembers it in the browser for the next pages. */
    public void apply(UI ui) {
        ui.getPage().setColorScheme(scheme);
        String stored = this == SYSTEM ? null : scheme.getValue();
        ui.getPage()
                .executeJs(
                        "try { if ($0) { localStorage.setItem($1, $0); } else { localStorage.removeItem($1); } }"
                                + " catch (e) { }",
                        stored,
                        STORAGE_KEY);
    }
}
