package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;

import io.tokenkeeper.domain.token.CanaryStore;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.UserId;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;

/** The {@code canary} flag of {@code api_token}. */
public final class JooqCanaryStore implements CanaryStore {

    private final DSLContext dsl;

    public JooqCanaryStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void markCanary(TokenId token) {
        dsl.update(API_TOKEN)
                .set(API_TOKEN.CANARY, true)
                .where(API_TOKEN.ID.eq(token.value()))
                .execute();
    }

    @Override
    public Set<TokenId> canariesOf(UserId owner) {
        return new HashSet<>(dsl.select(API_TOKEN.ID)
                .from(API_TOKEN)
                .where(API_TOKEN.OWNER_ID.eq(owner.value()))
                .and(API_TOKEN.CANARY)
                .and(API_TOKEN.REVOKED_AT.isNull())
                .fetch(row -> new TokenId(row.value1())));
    }
}
