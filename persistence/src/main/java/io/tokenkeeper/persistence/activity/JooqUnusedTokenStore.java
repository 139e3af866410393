package io.tokenkeeper.persistence.activity;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static org.jooq.impl.DSL.coalesce;

import io.tokenkeeper.domain.activity.UnusedTokenStore;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.persistence.token.JooqTokenStore;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** Disables unused tokens in one {@code UPDATE … RETURNING}: row locks make each token one caller's. */
public final class JooqUnusedTokenStore implements UnusedTokenStore {

    private final DSLContext dsl;

    public JooqUnusedTokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Token> disableUnusedSince(Instant cutoff, Instant at) {
        return dsl.update(API_TOKEN)
                .set(API_TOKEN.ENABLED, false)
                .set(API_TOKEN.DISABLED_FOR_INACTIVITY_AT, at)
                .where(API_TOKEN.ENABLED)
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(at)))
                .and(coalesce(API_TOKEN.LAST_USED_AT, API_TOKEN.CREATED_AT).lt(cutoff))
                .and(API_TOKEN.DISABLED_FOR_INACTIVITY_AT.isNull().or(API_TOKEN.DISABLED_FOR_INACTIVITY_AT.lt(cutoff)))
                .returningResult(JooqTokenStore.columns())
                .fetch(JooqTokenStore::toToken);
    }
}
