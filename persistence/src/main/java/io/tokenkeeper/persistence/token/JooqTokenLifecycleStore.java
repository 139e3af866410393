package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.EXPIRY_REMINDER;
import static io.tokenkeeper.persistence.jooq.Tables.RETIRING_TOKEN_VALUE;

import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenHint;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenLifecycleStore;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/** Values replaced in {@code api_token}, and the old values that still work for a while in {@code retiring_token_value}. */
public final class JooqTokenLifecycleStore implements TokenLifecycleStore {

    private final DSLContext dsl;

    public JooqTokenLifecycleStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Regenerated replaceValue(
            TokenId id,
            TokenDigest digest,
            TokenHint hint,
            @Nullable Instant expiresAt,
            Instant at,
            @Nullable Instant oldValueRetiresAt,
            boolean untilFirstUse) {
        var current = dsl.select(API_TOKEN.DIGEST, API_TOKEN.HINT)
                .from(API_TOKEN)
                .where(changeable(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(JooqTokenLifecycleStore::notFound);
        Rotation rotation = null;
        if (oldValueRetiresAt == null) {
            dsl.deleteFrom(RETIRING_TOKEN_VALUE)
                    .where(RETIRING_TOKEN_VALUE.TOKEN_ID.eq(id.value()))
                    .execute();
        } else {
            dsl.insertInto(RETIRING_TOKEN_VALUE)
                    .set(RETIRING_TOKEN_VALUE.TOKEN_ID, id.value())
                    .set(RETIRING_TOKEN_VALUE.DIGEST, current.value1())
                    .set(RETIRING_TOKEN_VALUE.HINT, current.value2())
                    .set(RETIRING_TOKEN_VALUE.ROTATED_AT, at)
                    .set(RETIRING_TOKEN_VALUE.RETIRES_AT, oldValueRetiresAt)
                    .set(RETIRING_TOKEN_VALUE.UNTIL_FIRST_USE, untilFirstUse)
                    .onConflict(RETIRING_TOKEN_VALUE.TOKEN_ID)
                    .doUpdate()
                    .set(RETIRING_TOKEN_VALUE.DIGEST, current.value1())
                    .set(RETIRING_TOKEN_VALUE.HINT, current.value2())
                    .set(RETIRING_TOKEN_VALUE.ROTATED_AT, at)
                    .set(RETIRING_TOKEN_VALUE.RETIRES_AT, oldValueRetiresAt)
                    .set(RETIRING_TOKEN_VALUE.UNTIL_FIRST_USE, untilFirstUse)
                    .setNull(RETIRING_TOKEN_VALUE.ANNOUNCED_AT)
                    .execute();
            rotation = new Rotation(id, new TokenHint(current.value2()), at, oldValueRetiresAt, untilFirstUse);
        }
        forgetReminders(id);
        var token = dsl.update(API_TOKEN)
                .set(API_TOKEN.DIGEST, digest.bytes())
                .set(API_TOKEN.HINT, hint.value())
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .where(changeable(id))
                .returningResult(JooqTokenStore.COLUMNS)
                .fetchOptional(JooqTokenStore::toToken)
                .orElseThrow(JooqTokenLifecycleStore::notFound);
        return new Regenerated(token, rotation);
    }

    @Override
    public Optional<Rotation> rotation(TokenId id) {
        return dsl.selectFrom(RETIRING_TOKEN_VALUE)
                .where(RETIRING_TOKEN_VALUE.TOKEN_ID.eq(id.value()))
                .fetchOptional(JooqTokenLifecycleStore::toRotation);
    }

    @Override
    public List<Rotation> ongoingRotations(UserId owner, Instant now) {
        return dsl.select(RETIRING_TOKEN_VALUE.fields())
                .from(RETIRING_TOKEN_VALUE)
                .join(API_TOKEN)
                .on(API_TOKEN.ID.eq(RETIRING_TOKEN_VALUE.TOKEN_ID))
                .where(API_TOKEN.OWNER_ID.eq(owner.value()))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(RETIRING_TOKEN_VALUE.RETIRES_AT.gt(now))
                .fetch(JooqTokenLifecycleStore::toRotation);
    }

    @Override
    public boolean retireOnFirstUse(TokenId id, Instant at) {
        return dsl.update(RETIRING_TOKEN_VALUE)
                        .set(RETIRING_TOKEN_VALUE.RETIRES_AT, at)
                        .set(RETIRING_TOKEN_VALUE.UNTIL_FIRST_USE, false)
                        .where(RETIRING_TOKEN_VALUE.TOKEN_ID.eq(id.value()))
                        .and(RETIRING_TOKEN_VALUE.UNTIL_FIRST_USE)
                        .and(RETIRING_TOKEN_VALUE.RETIRES_AT.gt(at))
                        .execute()
                == 1;
    }

    @Override
    public Token changeExpiry(TokenId id, @Nullable Instant expiresAt) {
        forgetReminders(id);
        return dsl.update(API_TOKEN)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .where(changeable(id))
                .returningResult(JooqTokenStore.COLUMNS)
                .fetchOptional(JooqTokenStore::toToken)
                .orElseThrow(JooqTokenLifecycleStore::notFound);
    }

    /** A new expiry gets its reminders afresh. */
    private void forgetReminders(TokenId id) {
        dsl.deleteFrom(EXPIRY_REMINDER)
                .where(EXPIRY_REMINDER.TOKEN_ID.eq(id.value()))
                .execute();
    }

    static Rotation toRotation(Record row) {
        return new Rotation(
                new TokenId(row.get(RETIRING_TOKEN_VALUE.TOKEN_ID)),
                new TokenHint(row.get(RETIRING_TOKEN_VALUE.HINT)),
                row.get(RETIRING_TOKEN_VALUE.ROTATED_AT),
                row.get(RETIRING_TOKEN_VALUE.RETIRES_AT),
                row.get(RETIRING_TOKEN_VALUE.UNTIL_FIRST_USE));
    }

    private static org.jooq.Condition changeable(TokenId id) {
        return API_TOKEN.ID.eq(id.value()).and(API_TOKEN.REVOKED_AT.isNull());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This token does not exist.");
    }
}
