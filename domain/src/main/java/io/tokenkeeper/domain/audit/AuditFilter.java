package io.tokenkeeper.domain.audit;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to show. Every criterion is optional; the ones given must all match. Texts are trimmed and
 * NFC-normalised, and a blank one means "any".
 *
 * @param actor the start of the acting user's username, ignoring case
 * @param action exactly this action
 * @param target the start of the target's name (a username, a token name), ignoring case, or the target's id
 * @param from the earliest time shown (inclusive)
 * @param to the time the range ends (exclusive)
 * @throws InvalidInputException for "actor", "target", "from" or "to"
 */
public record AuditFilter(
        @Nullable String actor,
        @Nullable AuditAction action,
        @Nullable String target,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static final int MAX_TEXT_LENGTH = 100;
    /** Times are accepted from the start of the year 1 to the end of the year 9999. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    static final String END_BEFORE_START = "The end of the time range must come after its start.";
    static final String OUT_OF_RANGE = "Choose a time between the years 1 and 9999.";

    /** Every event. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = text("actor", actor);
        target = text("target", target);
        requireInRange("from", from);
        requireInRange("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", END_BEFORE_START);
        }
    }

    public boolean isEmpty() {
        return equals(ALL);
    }

    private static @Nullable String text(String field, @Nullable String raw) {
        var text = Text.normalise(raw);
        if (text.isEmpty()) {
            return null;
        }
        int length = Text.length(text);
        if (length > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(
                    field, "Use at most " + MAX_TEXT_LENGTH + " characters (this has " + length + ").");
        }
        if (Text.hasInvisibleCharacter(text)) {
            throw new InvalidInputException(field, "This contains an invisible or control character; remove it.");
        }
        return text;
    }

    private static void requireInRange(String field, @Nullable Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidInputException(field, OUT_OF_RANGE);
        }
    }
}
