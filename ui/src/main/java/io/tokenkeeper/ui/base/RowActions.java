package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The actions of one grid row behind one small button ("⋯"), so that they never push the grid wider than the page. The
 * button opens a small panel of ordinary buttons: Tab moves between them, Enter or Space acts, Escape closes the panel
 * and gives the focus back. The button is named for its row ("Actions for “CI deploy”"), so a screen reader says which
 * row it acts on.
 *
 * <p>The column comes first: Tab into a grid lands on the first cell of its first row, and Enter there reaches the
 * button, so the actions need no arrow keys. It also stays in sight when a wide grid scrolls sideways.
 *
 * <p>The buttons are drawn by the browser from a template, and one panel serves the whole grid, filled for the row
 * whose button was clicked: a page of rows keeps no component per row in the session.
 */
public final class RowActions {

    private static final AtomicLong GRIDS = new AtomicLong();

    private static final String BUTTON = "<vaadin-button id=\"${item.actionsId}\" theme=\"tertiary icon small\""
            + " aria-label=\"${item.actionsLabel}\" aria-haspopup=\"dialog\" ?hidden=\"${!item.actionsLabel}\""
            + " @click=\"${openActions}\"><vaadin-icon icon=\"vaadin:ellipsis-dots-h\" aria-hidden=\"true\">"
            + "</vaadin-icon></vaadin-button>";

    private final String rowName;
    private final List<Map.Entry<String, Runnable>> actions = new ArrayList<>();

    /** @param rowName what the row is called, as people read it, e.g. “CI deploy” or alice */
    public RowActions(String rowName) {
        this.rowName = rowName;
    }

    /** Adds an action to the panel, in the order of the calls. The panel closes before the action runs. */
    public RowActions add(String text, Runnable action) {
        actions.add(Map.entry(text, action));
        return this;
    }

    /** What the button and the panel are called. */
    String label() {
        return "Actions for " + rowName;
    }

    /**
     * Adds the Actions column as the grid's first, just wide enough for what it holds, and keeps it in sight.
     *
     * @param actions a row's actions, asked again when its button is clicked; {@code null} for a row that has none
     */
    public static <T> Grid.Column<T> addColumn(Grid<T> grid, ValueProvider<T, @Nullable RowActions> actions) {
        var panel = new Panel(grid);
        String ids = "tk-row-actions-" + GRIDS.incrementAndGet() + "-";
        var renderer = LitRenderer.<T>of(BUTTON)
                .withProperty(
                        "actionsId",
                        row -> ids + grid.getDataCommunicator().getKeyMapper().key(row))
                .withProperty("actionsLabel", row -> {
                    var those = actions.apply(row);
                    return those == null ? "" : those.label();
                })
                .withFunction("openActions", row -> {
                    var those = actions.apply(row);
                    if (those != null) {
                        panel.open(
                                ids + grid.getDataCommunicator().getKeyMapper().key(row), those);
                    }
                });
        return first(grid, grid.addColumn(renderer));
    }

    /**
     * A row's one or two actions as small buttons side by side, for short lists where a panel would only add a click
     * (the Single Sign-On page's lists).
     */
    public static <T> Grid.Column<T> addButtonsColumn(Grid<T> grid, ValueProvider<T, List<Button>> buttons) {
        return first(grid, grid.addComponentColumn(row -> {
            var those = buttons.apply(row);
            for (var button : those) {
                button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            }
            var layout = new HorizontalLayout(those.toArray(Component[]::new));
            layout.setSpacing(false);
            return layout;
        }));
    }

    private static <T> Grid.Column<T> first(Grid<T> grid, Grid.Column<T> column) {
        column.setHeader("Actions")
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

    /** The one panel of a grid, made on the first click and placed beside the grid. */
    private static final class Panel {

        private final Grid<?> grid;
        private @Nullable Popover popover;

        Panel(Grid<?> grid) {
            this.grid = grid;
        }

        void open(String buttonId, RowActions row) {
            var shown = popover();
            var items = new VerticalLayout();
            items.setPadding(false);
            items.setSpacing(false);
            row.actions.forEach(action -> items.add(item(shown, action.getKey(), action.getValue())));
            shown.removeAll();
            shown.add(items);
            shown.setAriaLabel(row.label());
            shown.setFor(buttonId);
            shown.open();
        }

        private Popover popover() {
            var existing = popover;
            if (existing != null && existing.isAttached()) {
                return existing;
            }
            var created = new Popover();
            created.setOpenOnClick(false);
            created.setOpenOnFocus(false);
            created.setOpenOnHover(false);
            created.setAutofocus(true);
            created.setPosition(PopoverPosition.BOTTOM_START);
            created.addOpenedChangeListener(event -> {
                if (!event.isOpened()) {
                    created.removeAll();
                }
            });
            grid.getElement().getParent().appendChild(created.getElement());
            popover = created;
            return created;
        }

        private static Button item(Popover panel, String text, Runnable action) {
            var item = new Button(text, event -> {
                panel.close();
                action.run();
            });
            item.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            item.setWidthFull();
            item.addClassName("tk-row-action");
            return item;
        }
    }
}
