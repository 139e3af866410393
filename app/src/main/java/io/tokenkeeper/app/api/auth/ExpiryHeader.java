package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.token.TokenGrant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@value #NAME}: when the token (or, for the old value of a regenerated token, that value) stops working, as an HTTP
 * date on every authenticated API answer, so that clients can warn before it happens. Taken from the verified grant:
 * no query.
 */
final class ExpiryHeader {

    static final String NAME = "Tokenkeeper-Token-Expires";

    /** The last date written: a client calls again and again with the same token, and formatting costs a microsecond. */
    private static volatile Formatted last = new Formatted(Instant.EPOCH, format(Instant.EPOCH));

    private ExpiryHeader() {}

    static void add(HttpServletResponse response, TokenGrant grant) {
        var stops = grant.valueStopsAt();
        if (stops != null) {
            var formatted = last;
            if (!formatted.at().equals(stops)) {
                formatted = new Formatted(stops, format(stops));
                last = formatted;
            }
            response.setHeader(NAME, formatted.text());
        }
    }

    private static String format(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private record Formatted(Instant at, String text) {}
}
