package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;

import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenUsage;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * "Last used" in {@code api_token}. One conditional update, so that however many nodes see a busy token, the row is
 * written at most once per {@link TokenUsage#INTERVAL}.
 */
public final class JooqTokenUsage implements TokenUsage {

    private static final int MAX_ADDRESS_LENGTH = 64;

    private final DSLContext dsl;

    public JooqTokenUsage(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean recordUse(TokenId token, Instant at, @Nullable String clientAddress) {
        var when = at.atOffset(ZoneOffset.UTC);
        return dsl.update(API_TOKEN)
                        .set(API_TOKEN.LAST_USED_AT, when)
                        .set(API_TOKEN.LAST_USED_IP, truncated(clientAddress))
                        .where(API_TOKEN.ID.eq(token.value()))
                        .and(API_TOKEN.REVOKED_AT.isNull())
                        .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.le(when.minus(INTERVAL))))
                        .execute()
                > 0;
    }

    private static @Nullable String truncated(@Nullable String address) {
        return address == null || address.length() <= MAX_ADDRESS_LENGTH
                ? address
                : address.substring(0, MAX_ADDRESS_LENGTH);
    }
}
