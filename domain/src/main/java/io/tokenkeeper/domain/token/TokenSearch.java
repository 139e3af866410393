package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.user.Username;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which tokens the Token Management page lists, and in which order. Only tokens that are not revoked are ever
 * listed. The text is trimmed and NFC-normalised; an empty one matches every token. A token matches when any of
 * these holds:
 *
 * <ul>
 *   <li>its owner's username starts with the text, ignoring case;
 *   <li>its name starts with the text, ignoring case the way names are compared ({@link TokenName#key()});
 *   <li>the text starts with {@code tkp_} and the token's hint starts with it: the first characters of a value
 *       ({@code tkp_Ab12}, compared up to the four characters the hint keeps) or the hint itself;
 *   <li>the text is a whole, well-formed token value and it is this token's.
 * </ul>
 *
 * @param text what to look for; never shown by {@link #toString()}, as it may be a pasted token value
 * @param createdFrom the earliest creation time listed (inclusive), or {@code null}
 * @param createdTo the creation time the range ends at (exclusive), or {@code null}
 * @param resourceServer the identifier of a resource server: only tokens that hold at least one of its scopes match;
 *     {@code null} for every token. An identifier no resource server has matches no token.
 * @param sortBy the column that orders the list; equal values are ordered by the token's id in the same direction,
 *     so that pages never overlap
 * @throws InvalidInputException for "text", "createdFrom", "createdTo" or "resourceServer"
 */
public record TokenSearch(
        String text,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo,
        @Nullable String resourceServer,
        Column sortBy,
        Direction direction) {

    public static final int MAX_TEXT_LENGTH = 100;

    /** Every token, newest first. */
    public static final TokenSearch ALL = new TokenSearch("", null, null, null, Column.CREATED, Direction.DESCENDING);

    /** As long as a resource server's identifier may be. */
    public static final int MAX_RESOURCE_SERVER_LENGTH = 200;

    static final String END_BEFORE_START = "The end of the range must come after its start.";
    static final String OUT_OF_RANGE = "Choose a time between the years 1 and 9999.";

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    private static final int VALUE_PREFIX_LENGTH = TokenSecret.PREFIX.length() + 4;

    /** What the list can be sorted by: one constant per column of the page. */
    public enum Column {
        NAME,
        /** The hint, i.e. the first and last characters of the value. */
        TOKEN,
        /** The owner's username, ignoring case. */
        OWNER,
        CREATED,
        /** Never used counts as the least recent. */
        LAST_USED,
        /** Never expiring counts as the latest. */
        EXPIRES,
        /**
         * In {@link TokenStatus} order (enabled, disabled, expired); enabled and disabled tokens newest first, expired
         * ones most recently expired first.
         */
        STATUS
    }

    public enum Direction {
        ASCENDING,
        DESCENDING
    }

    public TokenSearch {
        text = checkedText(text);
        requireInRange("createdFrom", createdFrom);
        requireInRange("createdTo", createdTo);
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            throw new InvalidInputException("createdTo", END_BEFORE_START);
        }
        resourceServer = checkedResourceServer(resourceServer);
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(direction, "direction");
    }

    /** This search with another text; {@code null} or blank matches every token. */
    public TokenSearch matching(@Nullable String newText) {
        return new TokenSearch(Text.normalise(newText), createdFrom, createdTo, resourceServer, sortBy, direction);
    }

    /** This search limited to tokens created in {@code [from, to)}; either end may be open ({@code null}). */
    public TokenSearch createdBetween(@Nullable Instant from, @Nullable Instant to) {
        return new TokenSearch(text, from, to, resourceServer, sortBy, direction);
    }

    /**
     * This search limited to tokens that hold a scope of the resource server with this identifier; {@code null} or
     * blank for every token.
     */
    public TokenSearch atResourceServer(@Nullable String identifier) {
        return new TokenSearch(text, createdFrom, createdTo, identifier, sortBy, direction);
    }

    public TokenSearch sortedBy(Column column, Direction newDirection) {
        return new TokenSearch(text, createdFrom, createdTo, resourceServer, column, newDirection);
    }

    public boolean isAscending() {
        return direction == Direction.ASCENDING;
    }

    /** The lower-case start of a username, when the text could begin one. */
    public Optional<String> ownerPrefix() {
        boolean usernameLike = !text.isEmpty()
                && text.length() <= Username.MAX_LENGTH
                && text.chars().allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || ".-_@".indexOf(c) >= 0);
        return usernameLike ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The start of a name's {@link TokenName#key() key}. */
    public Optional<String> namePrefix() {
        return text.isEmpty() ? Optional.empty() : Optional.of(TokenName.keyOf(text));
    }

    /**
     * The start of a hint, case-sensitive, when the text starts like a token value: the text up to the random
     * characters a hint keeps, or the whole text when it contains the hint's ellipsis. Empty for a whole value,
     * which {@link #valueDigest()} finds exactly.
     */
    public Optional<String> hintPrefix() {
        if (!text.startsWith(TokenSecret.PREFIX) || valueDigest().isPresent()) {
            return Optional.empty();
        }
        if (text.indexOf(TokenHint.ELLIPSIS) >= 0) {
            return Optional.of(text);
        }
        return Optional.of(text.substring(0, Math.min(text.length(), VALUE_PREFIX_LENGTH)));
    }

    /** The digest of the text when it is a whole, well-formed token value. */
    public Optional<TokenDigest> valueDigest() {
        return TokenSecret.parse(text).map(TokenSecret::digest);
    }

    /** Leaves the text out: it may be a token value someone pasted. */
    @Override
    public String toString() {
        return "TokenSearch[text=" + (text.isEmpty() ? "" : "(" + Text.length(text) + " characters)") + ", createdFrom="
                + createdFrom + ", createdTo=" + createdTo + ", resourceServer=" + resourceServer + ", sortBy=" + sortBy
                + ", direction=" + direction + "]";
    }

    private static String checkedText(String raw) {
        var normalised = Text.normalise(raw);
        int length = Text.length(normalised);
        if (length > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(
                    "text", "Use at most " + MAX_TEXT_LENGTH + " characters (this has " + length + ").");
        }
        if (Text.hasInvisibleCharacter(normalised)) {
            throw new InvalidInputException("text", "This contains an invisible or control character; remove it.");
        }
        return normalised;
    }

    private static @Nullable String checkedResourceServer(@Nullable String raw) {
        var identifier = Text.normalise(raw);
        if (identifier.isEmpty()) {
            return null;
        }
        if (identifier.length() > MAX_RESOURCE_SERVER_LENGTH || Text.hasInvisibleCharacter(identifier)) {
            throw new InvalidInputException(
                    "resourceServer",
                    "Name a resource server by its identifier, at most " + MAX_RESOURCE_SERVER_LENGTH
                            + " characters without invisible ones.");
        }
        return identifier;
    }

    private static void requireInRange(String field, @Nullable Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidInputException(field, OUT_OF_RANGE);
        }
    }
}
