package io.tokenkeeper.domain.activity;

import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.token.TokenId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a token did recently.
 *
 * @param days calls per day (UTC), oldest first, one entry per day of the period asked for, zero included
 * @param addresses the last distinct client addresses, most recently seen first
 * @param lastEndpoint method and route pattern of the latest call, such as {@code GET /api/v1/tokens/{id}}; never a
 *     query string
 * @param history the token's audit trail, newest first
 */
public record TokenActivity(
        TokenId token,
        List<DailyCalls> days,
        List<AddressUse> addresses,
        @Nullable String lastUserAgent,
        @Nullable String lastEndpoint,
        @Nullable Instant lastSeenAt,
        List<AuditEvent> history) {

    /** The most addresses kept per token. */
    public static final int ADDRESSES = 5;

    /** How many days of calls are kept. */
    public static final int DAYS_KEPT = 90;

    public TokenActivity {
        days = List.copyOf(days);
        addresses = List.copyOf(addresses);
        history = List.copyOf(history);
    }

    public long totalCalls() {
        return days.stream().mapToLong(DailyCalls::calls).sum();
    }

    public record DailyCalls(LocalDate day, long calls) {}

    public record AddressUse(String address, Instant firstSeen, Instant lastSeen) {}
}
