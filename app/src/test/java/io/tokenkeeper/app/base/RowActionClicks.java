package io.tokenkeeper.app.base;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableBiConsumer;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Clicks a row action the way a user does: the row's "⋯" button, then the action in the panel it opens. The button is
 * drawn in the browser from the column's template, so its click is the template's {@code openActions} function, called
 * for the row as the browser would call it.
 */
public final class RowActionClicks {

    private RowActionClicks() {}

    public static void clickRowAction(Grid<?> grid, int row, String text) {
        openRowActions(grid, row);
        var panel = openPanel();
        _click(_get(panel, Button.class, spec -> spec.withText(text)));
    }

    /** The row's button label, empty when the row has no actions (its button is hidden). */
    public static String actionsLabel(Grid<?> grid, int row) {
        return String.valueOf(
                renderer(grid).getValueProviders().get("actionsLabel").apply(item(grid, row)));
    }

    /** Clicks the row's "⋯" button. */
    public static void openRowActions(Grid<?> grid, int row) {
        function(renderer(grid), "openActions")
                .accept(item(grid, row), JsonMapper.shared().createArrayNode());
        assertThat(openPanel().isOpened()).as("the row's actions are open").isTrue();
    }

    private static Popover openPanel() {
        var open = _find(Popover.class).stream().filter(Popover::isOpened).toList();
        assertThat(open).as("one open panel").hasSize(1);
        return open.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static LitRenderer<Object> renderer(Grid<?> grid) {
        return (LitRenderer<Object>) grid.getColumnByKey("actions").getRenderer();
    }

    private static Object item(Grid<?> grid, int row) {
        return GridKt._get(grid, row);
    }

    @SuppressWarnings("unchecked")
    private static SerializableBiConsumer<Object, ArrayNode> function(LitRenderer<Object> renderer, String name) {
        try {
            var field = LitRenderer.class.getDeclaredField("clientCallables");
            field.setAccessible(true);
            var functions = (Map<String, SerializableBiConsumer<Object, ArrayNode>>) field.get(renderer);
            return functions.get(name);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("LitRenderer keeps its functions elsewhere now", e);
        }
    }
}
