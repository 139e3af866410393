package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;

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
import org.jooq.SelectField;

/**
 * A token and its owner in one query, found by the digest of the token's value: the API's lookup; and the digests of
 * the tokens that exist, for the API's summary of them.
 */
public final class JooqTokenGrants implements TokenGrants, TokenDigests {

    private static final List<SelectField<?>> COLUMNS = columns();

    private final DSLContext dsl;

    public JooqTokenGrants(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<TokenGrant> findByDigest(TokenDigest digest) {
        return dsl.select(COLUMNS)
                .from(API_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.OWNER_ID))
                .where(API_TOKEN.DIGEST.eq(digest.bytes()))
                .fetchOptional(row -> new TokenGrant(JooqTokenStore.toToken(row), UserRows.toUser(row)));
    }

    @Override
    public long countActive() {
        return dsl.fetchCount(API_TOKEN, API_TOKEN.REVOKED_AT.isNull());
    }

    @Override
    public void forEachActive(Consumer<TokenDigest> each) {
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
        return List.copyOf(columns);
    }
}
