package io.tokenkeeper.ui.base;

/** How messages set off a name someone chose, such as a token's: in typographic double quotes. */
public final class Quotes {

    private Quotes() {}

    /** E.g. “CI deploy”. */
    public static String quoted(String name) {
        return "\u201C" + name + "\u201D";
    }
}
