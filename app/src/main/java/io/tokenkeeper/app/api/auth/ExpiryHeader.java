package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.token.TokenGrant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@value #NAME}: when the token (or, for the old value of a regenerated token, that value) stops working, as an HTTP
 * date on every authenticated API answer, so that clients can warn before it happens. Taken from the verified grant:
 * no query.
 */
final class ExpiryHeader {

    static final String NAME = "Tokenkeeper-Token-Expires";

    private ExpiryHeader() {}

    static void add(HttpServletResponse response, TokenGrant grant) {
        var stops = grant.valueStopsAt();
        if (stops != null) {
            response.setHeader(NAME, DateTimeFormatter.RFC_1123_DATE_TIME.format(stops.atOffset(ZoneOffset.UTC)));
        }
    }
}
