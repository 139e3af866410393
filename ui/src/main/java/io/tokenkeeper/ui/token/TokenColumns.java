package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.grid.Grid;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.ui.base.Times;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The token columns that API Tokens and Token Management share, with the same header, key, text and width on both
 * pages. Each call adds one column; the page decides their order and how they sort.
 *
 * @param <T> the grid's row type, which holds a token
 */
final class TokenColumns<T> {

    private final Grid<T> grid;
    private final Function<T, Token> token;
    private final Clock clock;

    TokenColumns(Grid<T> grid, Function<T, Token> token, Clock clock) {
        this.grid = grid;
        this.token = token;
        this.clock = clock;
    }

    Grid.Column<T> name() {
        return grid.addColumn(row -> token.apply(row).name().value())
                .setHeader("Name")
                .setKey("name")
                .setFlexGrow(2);
    }

    /** The first and last characters of the value, never the value itself. */
    Grid.Column<T> hint() {
        return grid.addColumn(row -> token.apply(row).hint().value())
                .setHeader("Token")
                .setKey("token")
                .setAutoWidth(true)
                .setPartNameGenerator(row -> "tk-monospace");
    }

    Grid.Column<T> created() {
        return grid.addColumn(row -> Times.format(token.apply(row).createdAt()))
                .setHeader("Date Created")
                .setKey("created")
                .setAutoWidth(true);
    }

    Grid.Column<T> lastUsed() {
        return grid.addColumn(row -> Times.formatOr(token.apply(row).lastUsedAt(), "Never"))
                .setHeader("Last Used")
                .setKey("lastUsed")
                .setAutoWidth(true);
    }

    Grid.Column<T> expires() {
        return grid.addColumn(row -> Times.formatOr(token.apply(row).expiresAt(), "Never"))
                .setHeader("Expires")
                .setKey("expires")
                .setAutoWidth(true);
    }

    Grid.Column<T> status() {
        return status(row -> null);
    }

    /** @param instead a label that replaces the status of a row, such as a rotation's, or {@code null} */
    Grid.Column<T> status(Function<T, @Nullable String> instead) {
        return grid.addColumn(row -> {
                    var label = instead.apply(row);
                    return label != null
                            ? label
                            : token.apply(row).statusAt(clock.instant()).label();
                })
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
    }
}
