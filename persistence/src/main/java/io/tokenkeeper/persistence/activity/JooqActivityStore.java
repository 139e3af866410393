package io.tokenkeeper.persistence.activity;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_ACTIVITY;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_ADDRESS_USE;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_DAILY_CALLS;
import static io.tokenkeeper.persistence.jooq.Tables.USAGE_BATCH;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.tokenkeeper.domain.activity.ActivityStore;
import io.tokenkeeper.domain.activity.TokenActivity;
import io.tokenkeeper.domain.activity.UsageBatch;
import io.tokenkeeper.domain.token.TokenId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;

/**
 * Tokens' activity: one transaction per batch, its statements sent in JDBC batches, so a flush costs a few round trips
 * whatever the number of tokens; each token's rows are written once per batch.
 */
public final class JooqActivityStore implements ActivityStore {

    private static final int USER_AGENT_LENGTH = 512;
    private static final int ENDPOINT_LENGTH = 200;

    private final DSLContext dsl;

    public JooqActivityStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void write(UsageBatch batch) {
        dsl.transaction(configuration -> {
            var tx = configuration.dsl();
            tx.insertInto(USAGE_BATCH)
                    .set(USAGE_BATCH.ID, batch.id())
                    .set(USAGE_BATCH.WRITTEN_AT, Instant.now())
                    .execute();
            var ids = batch.tokens().stream().map(uses -> uses.token().value()).toList();
            var existing = new HashSet<>(tx.select(API_TOKEN.ID)
                    .from(API_TOKEN)
                    .where(API_TOKEN.ID.in(ids))
                    .forShare()
                    .fetch(API_TOKEN.ID));
            var queries = new ArrayList<Query>();
            for (var uses : batch.tokens()) {
                long id = uses.token().value();
                if (!existing.contains(id)) {
                    continue;
                }
                uses.calls()
                        .forEach((day, calls) -> queries.add(tx.insertInto(TOKEN_DAILY_CALLS)
                                .set(TOKEN_DAILY_CALLS.TOKEN_ID, id)
                                .set(TOKEN_DAILY_CALLS.DAY, day)
                                .set(TOKEN_DAILY_CALLS.CALLS, calls)
                                .onConflict(TOKEN_DAILY_CALLS.TOKEN_ID, TOKEN_DAILY_CALLS.DAY)
                                .doUpdate()
                                .set(TOKEN_DAILY_CALLS.CALLS, TOKEN_DAILY_CALLS.CALLS.plus(calls))));
                for (var address : uses.addresses().values()) {
                    queries.add(tx.insertInto(TOKEN_ADDRESS_USE)
                            .set(TOKEN_ADDRESS_USE.TOKEN_ID, id)
                            .set(TOKEN_ADDRESS_USE.ADDRESS, address.address())
                            .set(TOKEN_ADDRESS_USE.FIRST_SEEN, address.firstSeen())
                            .set(TOKEN_ADDRESS_USE.LAST_SEEN, address.lastSeen())
                            .onConflict(TOKEN_ADDRESS_USE.TOKEN_ID, TOKEN_ADDRESS_USE.ADDRESS)
                            .doUpdate()
                            .set(
                                    TOKEN_ADDRESS_USE.FIRST_SEEN,
                                    least(TOKEN_ADDRESS_USE.FIRST_SEEN, val(address.firstSeen())))
                            .set(
                                    TOKEN_ADDRESS_USE.LAST_SEEN,
                                    greatest(TOKEN_ADDRESS_USE.LAST_SEEN, val(address.lastSeen()))));
                }
                if (!uses.addresses().isEmpty()) {
                    queries.add(tx.deleteFrom(TOKEN_ADDRESS_USE)
                            .where(TOKEN_ADDRESS_USE.TOKEN_ID.eq(id))
                            .and(TOKEN_ADDRESS_USE.ADDRESS.notIn(select(TOKEN_ADDRESS_USE.ADDRESS)
                                    .from(TOKEN_ADDRESS_USE)
                                    .where(TOKEN_ADDRESS_USE.TOKEN_ID.eq(id))
                                    .orderBy(TOKEN_ADDRESS_USE.LAST_SEEN.desc(), TOKEN_ADDRESS_USE.ADDRESS)
                                    .limit(TokenActivity.ADDRESSES))));
                }
                var userAgent = clip(uses.lastUserAgent(), USER_AGENT_LENGTH);
                var endpoint = clip(uses.lastEndpoint(), ENDPOINT_LENGTH);
                queries.add(tx.insertInto(TOKEN_ACTIVITY)
                        .set(TOKEN_ACTIVITY.TOKEN_ID, id)
                        .set(TOKEN_ACTIVITY.LAST_USER_AGENT, userAgent)
                        .set(TOKEN_ACTIVITY.LAST_ENDPOINT, endpoint)
                        .set(TOKEN_ACTIVITY.LAST_SEEN_AT, uses.lastSeenAt())
                        .onConflict(TOKEN_ACTIVITY.TOKEN_ID)
                        .doUpdate()
                        .set(TOKEN_ACTIVITY.LAST_USER_AGENT, userAgent)
                        .set(TOKEN_ACTIVITY.LAST_ENDPOINT, endpoint)
                        .set(TOKEN_ACTIVITY.LAST_SEEN_AT, uses.lastSeenAt())
                        .where(TOKEN_ACTIVITY.LAST_SEEN_AT.le(uses.lastSeenAt())));
            }
            if (!queries.isEmpty()) {
                tx.batch(queries).execute();
            }
        });
    }

    @Override
    public boolean written(UUID batch) {
        return dsl.fetchExists(USAGE_BATCH, USAGE_BATCH.ID.eq(batch));
    }

    @Override
    public TokenActivity read(TokenId token, LocalDate from, LocalDate to) {
        long id = token.value();
        var counted = new HashMap<LocalDate, Long>();
        dsl.select(TOKEN_DAILY_CALLS.DAY, TOKEN_DAILY_CALLS.CALLS)
                .from(TOKEN_DAILY_CALLS)
                .where(TOKEN_DAILY_CALLS.TOKEN_ID.eq(id))
                .and(TOKEN_DAILY_CALLS.DAY.between(from, to))
                .forEach(row -> counted.put(row.value1(), row.value2()));
        var days = new ArrayList<TokenActivity.DailyCalls>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new TokenActivity.DailyCalls(day, counted.getOrDefault(day, 0L)));
        }
        var addresses = dsl.select(TOKEN_ADDRESS_USE.ADDRESS, TOKEN_ADDRESS_USE.FIRST_SEEN, TOKEN_ADDRESS_USE.LAST_SEEN)
                .from(TOKEN_ADDRESS_USE)
                .where(TOKEN_ADDRESS_USE.TOKEN_ID.eq(id))
                .orderBy(TOKEN_ADDRESS_USE.LAST_SEEN.desc())
                .limit(TokenActivity.ADDRESSES)
                .fetch(row -> new TokenActivity.AddressUse(row.value1(), row.value2(), row.value3()));
        var latest = dsl.selectFrom(TOKEN_ACTIVITY)
                .where(TOKEN_ACTIVITY.TOKEN_ID.eq(id))
                .fetchOptional();
        return new TokenActivity(
                token,
                days,
                addresses,
                latest.map(row -> row.getLastUserAgent()).orElse(null),
                latest.map(row -> row.getLastEndpoint()).orElse(null),
                latest.map(row -> row.getLastSeenAt()).orElse(null),
                List.of());
    }

    @Override
    public void forgetBefore(LocalDate before) {
        dsl.deleteFrom(TOKEN_DAILY_CALLS)
                .where(TOKEN_DAILY_CALLS.DAY.lt(before))
                .execute();
        dsl.deleteFrom(USAGE_BATCH)
                .where(USAGE_BATCH.WRITTEN_AT.lt(
                        before.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .execute();
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max);
    }
}
