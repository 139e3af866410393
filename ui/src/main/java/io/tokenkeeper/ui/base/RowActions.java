package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.function.ValueProvider;

/**
 * The actions of one grid row behind one small button ("⋯"), so that they never push the grid wider than the page:
 * Enter, Space or Arrow Down opens the list, arrows move in it, Escape closes it. The button is named for its row
 * ("Actions for “CI deploy”"), so a screen reader says which row it acts on.
 */
public final class RowActions extends Composite<MenuBar> {

    private final SubMenu items;

    /** @param rowName what the row is called, as people read it, e.g. “CI deploy” or alice */
    public RowActions(String rowName) {
        var menu = getContent();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON, MenuBarVariant.LUMO_SMALL);
        var icon = VaadinIcon.ELLIPSIS_DOTS_H.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        MenuItem root = menu.addItem(icon);
        root.setAriaLabel("Actions for " + rowName);
        menu.setTooltipText(root, "Actions");
        items = root.getSubMenu();
    }

    /** Adds an action to the list, in the order of the calls. */
    public RowActions add(String text, Runnable action) {
        items.addItem(text, event -> action.run());
        return this;
    }

    /** Adds the Actions column as the grid's last, just wide enough for the button. */
    public static <T> Grid.Column<T> addColumn(Grid<T> grid, ValueProvider<T, Component> actions) {
        return grid.addComponentColumn(actions)
                .setHeader("Actions")
                .setKey("actions")
                .setWidth("5.5rem")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
    }
}
