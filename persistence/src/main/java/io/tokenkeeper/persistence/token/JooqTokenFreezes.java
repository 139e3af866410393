package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_FREEZE;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_FREEZE_ITEM;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenFreezes;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.base.SqlErrors;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Freezes in {@code token_freeze}, and the exact tokens each one disabled in {@code token_freeze_item}. Ended freezes
 * stay, as a record of who froze what and why.
 */
public final class JooqTokenFreezes implements TokenFreezes {

    private static final String ONE_ACTIVE_INDEX = "token_freeze_one_active_per_owner";
    private static final Comparator<Token> NEWEST_FIRST = Comparator.comparing(Token::createdAt)
            .thenComparing(token -> token.id().value())
            .reversed();

    private final DSLContext dsl;

    public JooqTokenFreezes(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean isFrozen(UserId owner) {
        return dsl.fetchExists(
                TOKEN_FREEZE, TOKEN_FREEZE.OWNER_ID.eq(owner.value()).and(TOKEN_FREEZE.UNFROZEN_AT.isNull()));
    }

    @Override
    public Set<TokenId> heldByFreeze(UserId owner) {
        return Set.copyOf(dsl.select(TOKEN_FREEZE_ITEM.TOKEN_ID)
                .from(TOKEN_FREEZE_ITEM)
                .join(TOKEN_FREEZE)
                .on(TOKEN_FREEZE.ID.eq(TOKEN_FREEZE_ITEM.FREEZE_ID))
                .join(API_TOKEN)
                .on(API_TOKEN.ID.eq(TOKEN_FREEZE_ITEM.TOKEN_ID))
                .where(TOKEN_FREEZE.OWNER_ID.eq(owner.value()))
                .and(TOKEN_FREEZE.UNFROZEN_AT.isNull())
                .and(API_TOKEN.ENABLED.isFalse())
                .fetch(row -> new TokenId(row.value1())));
    }

    @Override
    public List<Token> freeze(UserId owner, String reason, UserId by, Instant at) {
        long freezeId = insertFreeze(owner, reason, by, at);
        var frozen = dsl.update(API_TOKEN)
                .set(API_TOKEN.ENABLED, false)
                .where(API_TOKEN.OWNER_ID.eq(owner.value()))
                .and(API_TOKEN.ENABLED.isTrue())
                .and(API_TOKEN.REVOKED_AT.isNull())
                .returningResult(JooqTokenStore.COLUMNS)
                .fetch(JooqTokenStore::toToken);
        if (!frozen.isEmpty()) {
            var items = dsl.insertInto(TOKEN_FREEZE_ITEM, TOKEN_FREEZE_ITEM.FREEZE_ID, TOKEN_FREEZE_ITEM.TOKEN_ID);
            for (var token : frozen) {
                items = items.values(freezeId, token.id().value());
            }
            items.execute();
        }
        return frozen.stream().sorted(NEWEST_FIRST).toList();
    }

    @Override
    public List<Token> unfreeze(UserId owner, UserId by, Instant at) {
        long freezeId = dsl.update(TOKEN_FREEZE)
                .set(TOKEN_FREEZE.UNFROZEN_AT, at)
                .set(TOKEN_FREEZE.UNFROZEN_BY, by.value())
                .where(TOKEN_FREEZE.OWNER_ID.eq(owner.value()))
                .and(TOKEN_FREEZE.UNFROZEN_AT.isNull())
                .returningResult(TOKEN_FREEZE.ID)
                .fetchOptional(TOKEN_FREEZE.ID)
                .orElseThrow(() -> new ConflictException("This user's tokens are not frozen."));
        return dsl
                .update(API_TOKEN)
                .set(API_TOKEN.ENABLED, true)
                .where(API_TOKEN.ID.in(select(TOKEN_FREEZE_ITEM.TOKEN_ID)
                        .from(TOKEN_FREEZE_ITEM)
                        .where(TOKEN_FREEZE_ITEM.FREEZE_ID.eq(freezeId))))
                .and(API_TOKEN.OWNER_ID.eq(owner.value()))
                .and(API_TOKEN.ENABLED.isFalse())
                .and(API_TOKEN.REVOKED_AT.isNull())
                .returningResult(JooqTokenStore.COLUMNS)
                .fetch(JooqTokenStore::toToken)
                .stream()
                .sorted(NEWEST_FIRST)
                .toList();
    }

    private long insertFreeze(UserId owner, String reason, UserId by, Instant at) {
        try {
            return dsl.insertInto(TOKEN_FREEZE)
                    .columns(TOKEN_FREEZE.OWNER_ID, TOKEN_FREEZE.REASON, TOKEN_FREEZE.FROZEN_AT, TOKEN_FREEZE.FROZEN_BY)
                    .values(owner.value(), reason, at, by.value())
                    .returningResult(TOKEN_FREEZE.ID)
                    .fetchSingle(TOKEN_FREEZE.ID);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, ONE_ACTIVE_INDEX)) {
                throw new ConflictException("This user's tokens are already frozen.");
            }
            throw e;
        }
    }
}
