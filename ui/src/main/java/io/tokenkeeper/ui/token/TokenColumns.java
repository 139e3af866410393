package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenStatus;
import io.tokenkeeper.ui.base.NarrowScreen;
import io.tokenkeeper.ui.base.ScopeLists;
import io.tokenkeeper.ui.base.StatusBadge;
import io.tokenkeeper.ui.base.Times;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The token columns that API Tokens and Token Management share, with the same header, key, text and width on both
 * pages. Each call adds one column; the page decides their order and how they sort. Times are relative to now in the
 * cell ("3 hours ago") and exact, in the browser's zone and in UTC, in the tooltip. The name gets the room it needs,
 * wraps rather than being cut off, and keeps its own writing direction.
 *
 * <p>On a phone-sized window ({@link NarrowScreen}) the columns marked wide give way to one {@link #summary} column:
 * the name, the status badge and the dates in two lines.
 *
 * @param <T> the grid's row type, which holds a token
 */
final class TokenColumns<T> {

    /** A token an administrator's freeze holds disabled: only unfreezing switches it on again. */
    static final StatusBadge FROZEN = StatusBadge.error("Frozen");

    /** A decoy token: it never authenticates, and any use alerts its owner and the administrators. */
    static final StatusBadge CANARY = StatusBadge.info("Canary \u2014 alerts on any use");

    private final Grid<T> grid;
    private final Function<T, Token> token;
    private final Clock clock;
    private final List<Grid.Column<T>> wide = new ArrayList<>();
    private Function<T, @Nullable StatusBadge> instead = row -> null;

    TokenColumns(Grid<T> grid, Function<T, Token> token, Clock clock) {
        this.grid = grid;
        this.token = token;
        this.clock = clock;
    }

    Grid.Column<T> name() {
        return wide(grid.addColumn(LitRenderer.<T>of("<span class=\"tk-name\" dir=\"auto\">${item.name}</span>")
                                .withProperty("name", row -> name(row)))
                        .setHeader("Name")
                        .setKey("name")
                        .setComparator(row -> token.apply(row).name().key())
                        .setTooltipGenerator(this::name)
                        .setFlexGrow(3))
                .setWidth("11rem");
    }

    /** The first and last characters of the value, never the value itself. */
    Grid.Column<T> hint() {
        return wide(grid.addColumn(row -> token.apply(row).hint().value())
                .setHeader("Token")
                .setKey("token")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(row -> "tk-monospace"));
    }

    Grid.Column<T> created() {
        return wide(grid.addColumn(row -> Times.relative(token.apply(row).createdAt(), clock.instant()))
                .setHeader("Date Created")
                .setKey("created")
                .setComparator(row -> token.apply(row).createdAt())
                .setTooltipGenerator(row -> Times.exact(token.apply(row).createdAt()))
                .setAutoWidth(true)
                .setFlexGrow(0));
    }

    /** When the token was last used, and at which resource server when that is known: "3 hours ago at Orders API". */
    Grid.Column<T> lastUsed() {
        return wide(grid.addColumn(row -> lastUsed(token.apply(row)))
                .setHeader("Last Used")
                .setKey("lastUsed")
                .setTooltipGenerator(row -> Times.exactOrNull(token.apply(row).lastUsedAt()))
                .setAutoWidth(true)
                .setFlexGrow(0));
    }

    Grid.Column<T> expires() {
        return wide(grid.addColumn(row -> Times.relativeOr(token.apply(row).expiresAt(), clock.instant(), "Never"))
                .setHeader("Expires")
                .setKey("expires")
                .setTooltipGenerator(row -> Times.exactOrNull(token.apply(row).expiresAt()))
                .setAutoWidth(true)
                .setFlexGrow(0));
    }

    Grid.Column<T> status() {
        return status(row -> null);
    }

    /**
     * @param instead a badge that replaces the status of a row, such as a rotation's or a canary's, or {@code null};
     *     the phone layout's {@link #summary} shows it too
     */
    Grid.Column<T> status(Function<T, @Nullable StatusBadge> instead) {
        this.instead = instead;
        return wide(grid.addColumn(StatusBadge.renderer(this::status))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0));
    }

    /** What the token may do, grouped by resource server: tokenkeeper: read, write. */
    Grid.Column<T> scopes() {
        return wide(grid.addColumn(row -> scopes(token.apply(row)))
                .setHeader("Scopes")
                .setKey("scopes")
                .setTooltipGenerator(row -> ScopeLists.full(token.apply(row).scopes()))
                .setFlexGrow(1)
                .setWidth("8rem"));
    }

    /**
     * The phone layout's one column: the name with its status badge, and under it when it was created and when it
     * expires. {@code extra} adds a line of the page's own (the owner on Token Management). Made the first time the
     * window is phone-sized: most sessions never need it, and a column costs every one of them memory.
     */
    void summary(Function<T, String> extra) {
        var state = new Object() {
            Grid.@Nullable Column<T> column;
        };
        NarrowScreen.follow(grid, narrow -> {
            if (narrow && state.column == null) {
                state.column = addSummary(extra);
            }
            wide.forEach(wideColumn -> wideColumn.setVisible(!narrow));
            if (state.column != null) {
                state.column.setVisible(narrow);
            }
        });
    }

    private Grid.Column<T> addSummary(Function<T, String> extra) {
        return grid.addColumn(LitRenderer.<T>of("<div class=\"tk-summary\">"
                                + "<span class=\"tk-name\" dir=\"auto\">${item.name}</span> "
                                + "<span theme=\"${item.theme}\">${item.status}</span>"
                                + "<div class=\"tk-secondary\">${item.extra}</div>"
                                + "<div class=\"tk-secondary\">${item.dates}</div></div>")
                        .withProperty("name", this::name)
                        .withProperty("status", row -> status(row).label())
                        .withProperty("theme", row -> status(row).theme())
                        .withProperty("extra", extra::apply)
                        .withProperty("dates", this::dates))
                .setHeader("Token")
                .setKey("summary")
                .setFlexGrow(1);
    }

    /** Leaves the column out of the phone layout, where {@link #summary} stands in for it. */
    Grid.Column<T> wide(Grid.Column<T> column) {
        wide.add(column);
        return column;
    }

    static StatusBadge badge(TokenStatus status) {
        return switch (status) {
            case ENABLED -> StatusBadge.success(status.label());
            case DISABLED -> StatusBadge.neutral(status.label());
            case EXPIRED -> StatusBadge.warning(status.label());
            case REVOKED -> StatusBadge.error(status.label());
        };
    }

    /** tokenkeeper: read, write · orders: read: the scopes of one resource server together. */
    static String scopes(Token token) {
        return ScopeLists.compact(token.scopes());
    }

    private String lastUsed(Token shown) {
        var when = Times.relativeOr(shown.lastUsedAt(), clock.instant(), "Never");
        var server = shown.lastUsedServer();
        return shown.lastUsedAt() == null || server == null ? when : when + " at " + server.name();
    }

    private String name(T row) {
        return token.apply(row).name().value();
    }

    private StatusBadge status(T row) {
        var special = instead.apply(row);
        return special != null ? special : badge(token.apply(row).statusAt(clock.instant()));
    }

    private String dates(T row) {
        var shown = token.apply(row);
        var now = clock.instant();
        return "Created " + Times.relative(shown.createdAt(), now) + " · Expires "
                + Times.relativeOr(shown.expiresAt(), now, "never");
    }
}
