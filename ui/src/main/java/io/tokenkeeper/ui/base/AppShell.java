package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Applies the Lumo theme and the product's own small style sheet to every page. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/tokenkeeper.css")
public final class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Tokenkeeper");
        settings.addMetaTag("referrer", "no-referrer");
    }
}
