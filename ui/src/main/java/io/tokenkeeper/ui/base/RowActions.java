package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The actions of one grid row behind one small button ("⋯"), so that they never push the grid wider than the page. The
 * button opens a small panel of ordinary buttons: Tab moves between them, Enter or Space acts, Escape closes the panel
 * and gives the focus back. The button is named for its row ("Actions for “CI deploy”"), so a screen reader says which
 * row it acts on.
 *
 * <p>The column comes first: Tab into a grid lands on the first cell of its first row, and Enter there reaches the
 * button, so the actions need no arrow keys. It also stays in sight when a wide grid scrolls sideways.
 */
public final class RowActions extends Composite<Div> {

    private final String rowName;
    /** What the panel will offer: its buttons are made with the panel, so a row that is never opened holds none. */
    private final List<Map.Entry<String, Runnable>> actions = new ArrayList<>();

    private @Nullable Popover panel;

    /** @param rowName what the row is called, as people read it, e.g. “CI deploy” or alice */
    public RowActions(String rowName) {
        this.rowName = rowName;
        var button = new Button();
        var icon = VaadinIcon.ELLIPSIS_DOTS_H.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        button.setIcon(icon);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel("Actions for " + rowName);
        button.getElement().setAttribute("aria-haspopup", "dialog");
        button.addClickListener(event -> open(button));
        getContent().add(button);
    }

    /** The panel is made on the first click only: a page of rows holds just their buttons until then. */
    private void open(Button button) {
        if (panel == null) {
            var items = new VerticalLayout();
            items.setPadding(false);
            items.setSpacing(false);
            actions.forEach(action -> items.add(createItem(action.getKey(), action.getValue())));
            var created = new Popover(items);
            created.setTarget(button);
            created.setOpenOnClick(false);
            created.setOpenOnFocus(false);
            created.setOpenOnHover(false);
            created.setAutofocus(true);
            created.setAriaLabel("Actions for " + rowName);
            created.setPosition(PopoverPosition.BOTTOM_START);
            getContent().add(created);
            panel = created;
        }
        panel.open();
    }

    /** Adds an action to the panel, in the order of the calls. The panel closes before the action runs. */
    public RowActions add(String text, Runnable action) {
        actions.add(Map.entry(text, action));
        return this;
    }

    private Button createItem(String text, Runnable action) {
        var item = new Button(text, event -> {
            if (panel != null) {
                panel.close();
            }
            action.run();
        });
        item.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        item.setWidthFull();
        item.addClassName("tk-row-action");
        return item;
    }

    /**
     * A row's one or two actions as small buttons side by side, for short lists where a panel would only add a click
     * (the Single Sign-On page's lists).
     */
    public static Component of(Button... buttons) {
        for (var button : buttons) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        var actions = new HorizontalLayout(buttons);
        actions.setSpacing(false);
        return actions;
    }

    /** Adds the Actions column as the grid's first, just wide enough for what it holds, and keeps it in sight. */
    public static <T> Grid.Column<T> addColumn(Grid<T> grid, ValueProvider<T, Component> actions) {
        var column = grid.addComponentColumn(actions)
                .setHeader("Actions")
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozen(true);
        var order = new ArrayList<>(grid.getColumns());
        order.remove(column);
        order.addFirst(column);
        grid.setColumnOrder(order);
        return column;
    }
}
