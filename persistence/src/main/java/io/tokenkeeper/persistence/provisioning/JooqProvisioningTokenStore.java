package io.tokenkeeper.persistence.provisioning;

import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.PROVISIONING_TOKEN;

import io.tokenkeeper.domain.provisioning.ProvisioningToken;
import io.tokenkeeper.domain.provisioning.ProvisioningTokenStore;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;

/** Provisioning tokens in {@code provisioning_token}, with the username of the administrator who created each. */
public final class JooqProvisioningTokenStore implements ProvisioningTokenStore {

    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private static final List<SelectField<?>> COLUMNS = List.of(
            PROVISIONING_TOKEN.ID,
            PROVISIONING_TOKEN.NAME,
            PROVISIONING_TOKEN.HINT,
            PROVISIONING_TOKEN.CREATED_AT,
            APP_USER.USERNAME,
            PROVISIONING_TOKEN.LAST_USED_AT);

    private final DSLContext dsl;

    public JooqProvisioningTokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ProvisioningToken insert(String name, TokenDigest digest, String hint, UserId createdBy, Instant now) {
        long id = dsl.insertInto(PROVISIONING_TOKEN)
                .columns(
                        PROVISIONING_TOKEN.NAME,
                        PROVISIONING_TOKEN.DIGEST,
                        PROVISIONING_TOKEN.HINT,
                        PROVISIONING_TOKEN.CREATED_AT,
                        PROVISIONING_TOKEN.CREATED_BY)
                .values(name, digest.bytes(), hint, now, createdBy.value())
                .returningResult(PROVISIONING_TOKEN.ID)
                .fetchSingle(PROVISIONING_TOKEN.ID);
        return findActive(id).orElseThrow();
    }

    @Override
    public List<ProvisioningToken> listActive() {
        return select(PROVISIONING_TOKEN.REVOKED_AT.isNull())
                .orderBy(PROVISIONING_TOKEN.CREATED_AT.desc(), PROVISIONING_TOKEN.ID.desc())
                .fetch(JooqProvisioningTokenStore::toToken);
    }

    @Override
    public Optional<ProvisioningToken> findActive(long id) {
        return select(PROVISIONING_TOKEN.ID.eq(id).and(PROVISIONING_TOKEN.REVOKED_AT.isNull()))
                .fetchOptional(JooqProvisioningTokenStore::toToken);
    }

    @Override
    public Optional<ProvisioningToken> findActiveByDigest(TokenDigest digest) {
        return select(PROVISIONING_TOKEN.DIGEST.eq(digest.bytes()).and(PROVISIONING_TOKEN.REVOKED_AT.isNull()))
                .fetchOptional(JooqProvisioningTokenStore::toToken);
    }

    @Override
    public void revoke(long id, UserId by, Instant now) {
        dsl.update(PROVISIONING_TOKEN)
                .set(PROVISIONING_TOKEN.REVOKED_AT, now)
                .set(PROVISIONING_TOKEN.REVOKED_BY, by.value())
                .where(PROVISIONING_TOKEN.ID.eq(id))
                .and(PROVISIONING_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    @Override
    public void recordUse(long id, Instant now) {
        dsl.update(PROVISIONING_TOKEN)
                .set(PROVISIONING_TOKEN.LAST_USED_AT, now)
                .where(PROVISIONING_TOKEN.ID.eq(id))
                .and(PROVISIONING_TOKEN
                        .LAST_USED_AT
                        .isNull()
                        .or(PROVISIONING_TOKEN.LAST_USED_AT.lt(now.minus(USE_RECORDED_EVERY))))
                .execute();
    }

    private org.jooq.SelectConditionStep<Record> select(Condition condition) {
        return dsl.select(COLUMNS)
                .from(PROVISIONING_TOKEN)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(PROVISIONING_TOKEN.CREATED_BY))
                .where(condition);
    }

    private static ProvisioningToken toToken(Record row) {
        return new ProvisioningToken(
                row.get(PROVISIONING_TOKEN.ID),
                row.get(PROVISIONING_TOKEN.NAME),
                row.get(PROVISIONING_TOKEN.HINT),
                row.get(PROVISIONING_TOKEN.CREATED_AT),
                row.get(APP_USER.USERNAME),
                row.get(PROVISIONING_TOKEN.LAST_USED_AT));
    }
}
