package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.ValueProvider;

/** The Actions column of a grid: the buttons for one row, small, quiet and side by side. */
public final class RowActions {

    private RowActions() {}

    /** Adds the Actions column as the grid's last, as wide as its buttons. */
    public static <T> Grid.Column<T> addColumn(Grid<T> grid, ValueProvider<T, Component> actions) {
        return grid.addComponentColumn(actions)
                .setHeader("Actions")
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** The buttons of one row. */
    public static Component of(Button... buttons) {
        for (var button : buttons) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        var actions = new HorizontalLayout(buttons);
        actions.setSpacing(false);
        return actions;
    }
}
