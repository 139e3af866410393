package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenGrants;
import io.tokenkeeper.persistence.user.UserRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SelectField;

/** A token and its owner in one query, found by the digest of the token's value: the API's lookup. */
public final class JooqTokenGrants implements TokenGrants {

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

    private static List<SelectField<?>> columns() {
        var columns = new ArrayList<SelectField<?>>(List.of(JooqTokenStore.COLUMNS));
        columns.addAll(UserRows.COLUMNS);
        return List.copyOf(columns);
    }
}
