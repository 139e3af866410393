package io.tokenkeeper.app.scim;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code filter} of a SCIM list request, as far as identity providers use it to look an account up before they
 * create or link it: one {@code eq} comparison of {@code userName} (ignoring case, as RFC 7643 defines it),
 * {@code externalId} or {@code id} with a string. Anything else is an {@code invalidFilter}.
 *
 * @param userName the username to match, ignoring case
 * @param externalId the external id to match exactly
 * @param id the account id to match
 */
record ScimFilter(
        @Nullable String userName,
        @Nullable String externalId,
        @Nullable String id) {

    static final ScimFilter NONE = new ScimFilter(null, null, null);

    private static final String CORE_USER = ScimUsers.USER_SCHEMA + ":";
    private static final Pattern COMPARISON =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9:._-]*)\\s+([A-Za-z]{2})\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ScimFilter parse(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return NONE;
        }
        var comparison = COMPARISON.matcher(filter);
        if (!comparison.matches() || !comparison.group(2).equalsIgnoreCase("eq")) {
            throw unsupported();
        }
        var attribute = comparison.group(1);
        if (attribute.regionMatches(true, 0, CORE_USER, 0, CORE_USER.length())) {
            attribute = attribute.substring(CORE_USER.length());
        }
        String value;
        try {
            value = JSON.readTree(comparison.group(3)).stringValue();
        } catch (JacksonException malformed) {
            throw unsupported();
        }
        return switch (attribute.toLowerCase(Locale.ROOT)) {
            case "username" -> new ScimFilter(value, null, null);
            case "externalid" -> new ScimFilter(null, value, null);
            case "id" -> new ScimFilter(null, null, value);
            default -> throw unsupported();
        };
    }

    private static ScimException unsupported() {
        return ScimException.badRequest(
                "invalidFilter",
                "Filter with one comparison of userName, externalId or id, for example: userName eq \"jane\".");
    }
}
