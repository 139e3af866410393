package io.tokenkeeper.ui.base;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Objects;
import java.util.function.Function;

/**
 * A status as a Lumo badge: the word says it, the colour only helps. Any status fits (Enabled, Disabled, Expired,
 * Frozen, …); the page picks the word and its {@link Tone}.
 */
public record StatusBadge(String label, Tone tone) {

    /** The badge's colour, by what the status means for the person reading it. */
    public enum Tone {
        /** Works as it should. */
        SUCCESS("badge success"),
        /** Switched off by someone, can be switched on again. */
        NEUTRAL("badge contrast"),
        /** Needs attention soon. */
        WARNING("badge warning"),
        /** Stopped for good, or broken. */
        ERROR("badge error"),
        /** Works, but not like the others: worth knowing, nothing to do (a canary). */
        INFO("badge");

        private final String theme;

        Tone(String theme) {
            this.theme = theme;
        }
    }

    public StatusBadge {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tone, "tone");
    }

    public static StatusBadge success(String label) {
        return new StatusBadge(label, Tone.SUCCESS);
    }

    public static StatusBadge neutral(String label) {
        return new StatusBadge(label, Tone.NEUTRAL);
    }

    public static StatusBadge warning(String label) {
        return new StatusBadge(label, Tone.WARNING);
    }

    public static StatusBadge error(String label) {
        return new StatusBadge(label, Tone.ERROR);
    }

    public static StatusBadge info(String label) {
        return new StatusBadge(label, Tone.INFO);
    }

    /** The badge as a component, outside a grid. */
    public Span create() {
        var span = new Span(label);
        span.getElement().getThemeList().addAll(java.util.List.of(tone.theme.split(" ")));
        return span;
    }

    /** The theme attribute of the badge's element. */
    public String theme() {
        return tone.theme;
    }

    /** A grid cell showing the badge of each row, rendered in the browser from two strings. */
    public static <T> LitRenderer<T> renderer(Function<T, StatusBadge> badge) {
        return LitRenderer.<T>of("<span theme=\"${item.theme}\">${item.label}</span>")
                .withProperty("label", row -> badge.apply(row).label())
                .withProperty("theme", row -> badge.apply(row).theme());
    }
}
