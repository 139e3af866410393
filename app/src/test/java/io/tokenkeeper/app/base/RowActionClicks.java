package io.tokenkeeper.app.base;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.popover.Popover;

/** Clicks a row action the way a user does: the row's "⋯" button, then the action in the panel it opens. */
public final class RowActionClicks {

    private RowActionClicks() {}

    public static void clickRowAction(Grid<?> grid, int row, String text) {
        Component cell = GridKt._getCellComponent(grid, row, "actions");
        _click(_get(cell, Button.class, spec -> spec.withAttribute("aria-haspopup", "dialog")));
        var panel = _get(cell, Popover.class);
        assertThat(panel.isOpened()).as("the row's actions are open").isTrue();
        _click(_get(panel, Button.class, spec -> spec.withText(text)));
    }
}
