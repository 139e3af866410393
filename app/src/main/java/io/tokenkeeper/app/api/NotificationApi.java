package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import io.tokenkeeper.domain.notification.Notification;
import io.tokenkeeper.domain.notification.NotificationKind;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's notifications (newest first, mark read), and a calendar of their tokens' expiries (iCalendar, RFC 5545)
 * for the calendar they already look at: subscribe to it with a token that holds {@code tokenkeeper:read}.
 */
@RestController
@Tag(name = "Notifications")
class NotificationApi {

    static final String CALENDAR = "text/calendar;charset=UTF-8";
    private static final DateTimeFormatter ICAL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final NotificationService notifications;
    private final TokenService tokens;
    private final Clock clock;

    NotificationApi(NotificationService notifications, TokenService tokens, Clock clock) {
        this.notifications = notifications;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listNotifications", summary = "Your newest notifications and how many are unread")
    Notifications list(@AuthenticationPrincipal ApiCaller caller) {
        var actor = caller.actor();
        return new Notifications(
                notifications.unread(actor),
                notifications.newest(actor).stream().map(NotificationJson::of).toList());
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one notification read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> markRead(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        notifications.markRead(caller.actor(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/notifications/read")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> markAllRead(@AuthenticationPrincipal ApiCaller caller) {
        notifications.markAllRead(caller.actor());
        return ResponseEntity.noContent().build();
    }

    /** One all-day-free event at each expiry of the caller's tokens, with a reminder a week before. */
    @GetMapping(path = "/api/v1/calendar/expiries.ics", produces = CALENDAR)
    @Operation(operationId = "getExpiryCalendar", summary = "An iCalendar feed of your tokens' expiries")
    String expiries(@AuthenticationPrincipal ApiCaller caller) {
        var now = ICAL_TIME.format(clock.instant());
        var calendar = new StringBuilder();
        line(calendar, "BEGIN:VCALENDAR");
        line(calendar, "VERSION:2.0");
        line(calendar, "PRODID:-//Tokenkeeper//Token expiries//EN");
        line(
                calendar,
                "X-WR-CALNAME:"
                        + text("API token expiries of "
                                + caller.user().username().value()));
        for (Token token : tokens.listOwn(caller.actor())) {
            var expiresAt = token.expiresAt();
            if (expiresAt == null) {
                continue;
            }
            line(calendar, "BEGIN:VEVENT");
            line(calendar, "UID:token-" + token.id().value() + "-expiry@tokenkeeper");
            line(calendar, "DTSTAMP:" + now);
            line(calendar, "DTSTART:" + ICAL_TIME.format(expiresAt));
            line(calendar, "DTEND:" + ICAL_TIME.format(expiresAt));
            line(calendar, "SUMMARY:" + text("API token \u201C" + token.name().value() + "\u201D expires"));
            line(
                    calendar,
                    "DESCRIPTION:"
                            + text("Tokenkeeper token " + token.hint().value()
                                    + " stops working now. Extend or regenerate it before then."));
            line(calendar, "BEGIN:VALARM");
            line(calendar, "ACTION:DISPLAY");
            line(calendar, "TRIGGER:-P7D");
            line(
                    calendar,
                    "DESCRIPTION:" + text("API token \u201C" + token.name().value() + "\u201D expires in 7 days"));
            line(calendar, "END:VALARM");
            line(calendar, "END:VEVENT");
        }
        line(calendar, "END:VCALENDAR");
        return calendar.toString();
    }

    /** RFC 5545 text: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Content lines end in CRLF and are folded after 75 octets (a space begins each continuation). */
    static void line(StringBuilder calendar, String content) {
        var bytes = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size =
                    new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > 75) {
                calendar.append("\r\n ");
                bytes = 1;
            }
            calendar.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        calendar.append("\r\n");
    }

    record Notifications(int unread, List<NotificationJson> notifications) {}

    record NotificationJson(
            long id,
            NotificationKind kind,
            String title,
            String message,
            @Nullable Long tokenId,
            @Nullable String address,
            Instant createdAt,
            @Nullable Instant readAt) {

        static NotificationJson of(Notification notification) {
            return new NotificationJson(
                    notification.id(),
                    notification.kind(),
                    notification.title(),
                    notification.message(),
                    notification.token() == null ? null : notification.token().value(),
                    notification.address(),
                    notification.createdAt(),
                    notification.readAt());
        }
    }
}
