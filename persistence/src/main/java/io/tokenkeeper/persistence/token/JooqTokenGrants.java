package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.USER_PRIVILEGE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenGrants;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;

/** A token and its owner in one query, found by the digest of the token's value: the API's lookup. */
public final class JooqTokenGrants implements TokenGrants {

    private static final Field<Set<Privilege>> PRIVILEGES = multiset(
                    select(USER_PRIVILEGE.PRIVILEGE).from(USER_PRIVILEGE).where(USER_PRIVILEGE.USER_ID.eq(APP_USER.ID)))
            .convertFrom(rows -> privileges(rows.getValues(USER_PRIVILEGE.PRIVILEGE)))
            .as("privileges");

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
                .fetchOptional(row -> new TokenGrant(JooqTokenStore.toToken(row), toOwner(row)));
    }

    private static List<SelectField<?>> columns() {
        var columns = new ArrayList<SelectField<?>>(List.of(JooqTokenStore.COLUMNS));
        columns.addAll(List.of(
                APP_USER.ID,
                APP_USER.USERNAME,
                APP_USER.DISPLAY_NAME,
                APP_USER.EMAIL,
                APP_USER.ENABLED,
                APP_USER.CREATED_AT,
                APP_USER.UPDATED_AT,
                PRIVILEGES));
        return List.copyOf(columns);
    }

    private static User toOwner(Record row) {
        String email = row.get(APP_USER.EMAIL);
        return new User(
                new UserId(row.get(APP_USER.ID)),
                new Username(row.get(APP_USER.USERNAME)),
                new DisplayName(row.get(APP_USER.DISPLAY_NAME)),
                email == null ? null : new EmailAddress(email),
                row.get(APP_USER.ENABLED),
                row.get(PRIVILEGES),
                row.get(APP_USER.CREATED_AT).toInstant(),
                row.get(APP_USER.UPDATED_AT).toInstant());
    }

    private static Set<Privilege> privileges(List<String> names) {
        var privileges = EnumSet.noneOf(Privilege.class);
        names.forEach(name -> privileges.add(Privilege.valueOf(name)));
        return privileges;
    }
}
