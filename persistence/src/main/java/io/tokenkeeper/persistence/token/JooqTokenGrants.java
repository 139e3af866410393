package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.RETIRING_TOKEN_VALUE;
import static org.jooq.impl.DSL.inline;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenDigests;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenGrants;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.persistence.user.UserRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;

/**
 * A token and its owner in one query, found by the digest of the token's value: the API's lookup; and the digests of
 * the tokens that exist, for the API's summary of them.
 */
public final class JooqTokenGrants implements TokenGrants, TokenDigests {

    private static final List<SelectField<?>> COLUMNS = columns();
    private static final String OLD_VALUE = "old_value";

    private final DSLContext dsl;

    public JooqTokenGrants(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * {@inheritDoc}
     *
     * <p>By the token's current value, with its rotation if one is recorded, or by the old value of a rotation: one
     * query either way.
     */
    @Override
    public Optional<TokenGrant> findByDigest(TokenDigest digest) {
        var current = dsl.select(COLUMNS)
                .select(inline(false).as(OLD_VALUE))
                .from(API_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.OWNER_ID))
                .leftJoin(RETIRING_TOKEN_VALUE)
                .on(RETIRING_TOKEN_VALUE.TOKEN_ID.eq(API_TOKEN.ID))
                .where(API_TOKEN.DIGEST.eq(digest.bytes()));
        var old = dsl.select(COLUMNS)
                .select(inline(true).as(OLD_VALUE))
                .from(RETIRING_TOKEN_VALUE)
                .join(API_TOKEN)
                .on(API_TOKEN.ID.eq(RETIRING_TOKEN_VALUE.TOKEN_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.OWNER_ID))
                .where(RETIRING_TOKEN_VALUE.DIGEST.eq(digest.bytes()));
        return current.unionAll(old).fetch().stream()
                .findFirst()
                .map(row -> grant(row, row.get(OLD_VALUE, Boolean.class)));
    }

    private static TokenGrant grant(Record row, boolean oldValue) {
        var rotation = row.get(RETIRING_TOKEN_VALUE.TOKEN_ID) == null ? null : JooqTokenLifecycleStore.toRotation(row);
        return new TokenGrant(
                JooqTokenStore.toToken(row), UserRows.toUser(row), rotation, oldValue, row.get(API_TOKEN.CANARY));
    }

    @Override
    public long countActive() {
        return dsl.fetchCount(API_TOKEN, API_TOKEN.REVOKED_AT.isNull());
    }

    @Override
    public void forEachActive(Consumer<TokenDigest> each) {
        // Old values of rotations too (at most one per token): a summary may hold a value that no longer works.
        // A cursor streams in a transaction only; outside one PostgreSQL would send every row at once.
        dsl.transaction(configuration -> {
            try (var digests = configuration
                    .dsl()
                    .select(API_TOKEN.DIGEST)
                    .from(API_TOKEN)
                    .where(API_TOKEN.REVOKED_AT.isNull())
                    .fetchSize(10_000)
                    .fetchLazy()) {
                for (var row : digests) {
                    each.accept(new TokenDigest(row.value1()));
                }
            }
            configuration
                    .dsl()
                    .select(RETIRING_TOKEN_VALUE.DIGEST)
                    .from(RETIRING_TOKEN_VALUE)
                    .forEach(row -> each.accept(new TokenDigest(row.value1())));
        });
    }

    @Override
    public Optional<TokenDigest> ofActive(TokenId token) {
        return dsl.select(API_TOKEN.DIGEST)
                .from(API_TOKEN)
                .where(API_TOKEN.ID.eq(token.value()))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .fetchOptional(row -> new TokenDigest(row.value1()));
    }

    private static List<SelectField<?>> columns() {
        var columns = new ArrayList<SelectField<?>>(List.of(JooqTokenStore.COLUMNS));
        columns.addAll(UserRows.COLUMNS);
        columns.addAll(List.of(RETIRING_TOKEN_VALUE.fields()));
        columns.add(API_TOKEN.CANARY);
        return List.copyOf(columns);
    }
}
