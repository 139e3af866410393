package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Applies the Lumo theme and the product's own small style sheet to every page, light or dark as the operating system
 * says, unless the person chose one in the user menu ({@link ColorSchemeChoice}): that choice is applied before the page
 * first paints.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/tokenkeeper.css")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
public final class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Tokenkeeper");
        settings.addMetaTag("referrer", "no-referrer");
        settings.addInlineWithContents(
                Inline.Position.PREPEND, ColorSchemeChoice.RESTORE_SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }
}
