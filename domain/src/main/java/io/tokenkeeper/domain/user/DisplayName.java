package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.base.Text;
import org.jspecify.annotations.Nullable;

/** How a person is greeted and listed: trimmed, NFC, 1–100 characters, nothing invisible. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;

    public DisplayName {
        Text.require("displayName", "a display name", value, MAX_LENGTH);
        if (!value.equals(Text.normalise(value))) {
            throw new IllegalArgumentException("A display name is stored normalised");
        }
    }

    public static DisplayName of(@Nullable String raw) {
        return new DisplayName(Text.normalise(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
