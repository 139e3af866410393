package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.RETIRING_TOKEN_VALUE;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_FREEZE;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_FREEZE_ITEM;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.tokenkeeper.domain.token.ManagedToken;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.TokenDirectory;
import io.tokenkeeper.domain.token.TokenHint;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.token.TokenStatus;
import io.tokenkeeper.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Every user's tokens that are not revoked, one page at a time, for the Token Management page. Each order and each
 * search criterion can use an index of V6 (or V1/V2, V11 for the resource server's scopes), so a page reads about as
 * many rows as it shows.
 */
public final class JooqTokenDirectory implements TokenDirectory {

    private static final char LIKE_ESCAPE = '\\';
    private static final int MAX_OWNER_IDS = 10_000;
    private static final String RANK = "status_rank";
    private static final String GROUP_TIME = "group_time";
    // A rotation's columns under names of their own: the status order reads them through a union of derived tables,
    // where the old value's hint must not meet the token's.
    private static final Field<Long> ROTATED_TOKEN = RETIRING_TOKEN_VALUE.TOKEN_ID.as("rotated_token_id");
    private static final Field<String> OLD_HINT = RETIRING_TOKEN_VALUE.HINT.as("old_hint");
    private static final Field<Instant> ROTATED_AT = RETIRING_TOKEN_VALUE.ROTATED_AT.as("rotated_at");
    private static final Field<Instant> OLD_RETIRES_AT = RETIRING_TOKEN_VALUE.RETIRES_AT.as("old_retires_at");
    private static final Field<Boolean> UNTIL_FIRST_USE = RETIRING_TOKEN_VALUE.UNTIL_FIRST_USE.as("until_first_use");
    private static final Field<Boolean> FROZEN = DSL.field(DSL.exists(selectOne()
                    .from(TOKEN_FREEZE_ITEM)
                    .join(TOKEN_FREEZE)
                    .on(TOKEN_FREEZE.ID.eq(TOKEN_FREEZE_ITEM.FREEZE_ID))
                    .where(TOKEN_FREEZE_ITEM.TOKEN_ID.eq(API_TOKEN.ID))
                    .and(TOKEN_FREEZE.UNFROZEN_AT.isNull())))
            .as("frozen");
    private static final List<SelectField<?>> COLUMNS = columns();

    private final DSLContext dsl;

    public JooqTokenDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<ManagedToken> search(TokenSearch search, Instant now, int offset, int limit) {
        var condition = matching(search);
        if (search.sortBy() == TokenSearch.Column.STATUS) {
            return searchByStatus(condition, search.isAscending(), now, offset, limit);
        }
        return dsl.select(COLUMNS)
                .from(API_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.OWNER_ID))
                .leftJoin(RETIRING_TOKEN_VALUE)
                .on(rotating(now))
                .where(condition)
                .orderBy(order(search))
                .offset(offset)
                .limit(limit)
                .fetch(JooqTokenDirectory::toManagedToken);
    }

    @Override
    public long count(TokenSearch search, long limit) {
        return dsl.fetchCount(
                dsl.selectOne().from(API_TOKEN).where(matching(search)).limit(limit));
    }

    /**
     * Each status is its own group, read through its own index: enabled and disabled tokens newest first, expired
     * ones most recently expired first. Every group yields at most {@code offset + limit} rows.
     */
    private List<ManagedToken> searchByStatus(
            Condition condition, boolean ascending, Instant now, int offset, int limit) {
        var notExpired = API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(now));
        int enough = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
        var enabled = group(
                TokenStatus.ENABLED,
                API_TOKEN.CREATED_AT,
                condition.and(API_TOKEN.ENABLED.isTrue()).and(notExpired),
                now,
                enough);
        var disabled = group(
                TokenStatus.DISABLED,
                API_TOKEN.CREATED_AT,
                condition.and(API_TOKEN.ENABLED.isFalse()).and(notExpired),
                now,
                enough);
        var expired = group(
                TokenStatus.EXPIRED, API_TOKEN.EXPIRES_AT, condition.and(API_TOKEN.EXPIRES_AT.le(now)), now, enough);
        var ranked = enabled.unionAll(disabled).unionAll(expired).asTable("ranked");
        var rank = ranked.field(RANK);
        var groupTime = ranked.field(GROUP_TIME);
        var id = ranked.field(API_TOKEN.ID);
        return dsl.selectFrom(ranked)
                .orderBy(ascending ? rank.asc() : rank.desc(), groupTime.desc(), id.desc())
                .offset(offset)
                .limit(limit)
                .fetch(JooqTokenDirectory::toManagedToken);
    }

    private Select<Record> group(TokenStatus status, Field<Instant> time, Condition condition, Instant now, int limit) {
        var fields = new ArrayList<SelectField<?>>(COLUMNS);
        fields.add(inline(status.ordinal()).as(RANK));
        fields.add(time.as(GROUP_TIME));
        return dsl.select(fields)
                .from(API_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.OWNER_ID))
                .leftJoin(RETIRING_TOKEN_VALUE)
                .on(rotating(now))
                .where(condition)
                .orderBy(time.desc(), API_TOKEN.ID.desc())
                .limit(limit);
    }

    private Condition matching(TokenSearch search) {
        var conditions = new ArrayList<Condition>();
        conditions.add(API_TOKEN.REVOKED_AT.isNull());
        var from = search.createdFrom();
        if (from != null) {
            conditions.add(API_TOKEN.CREATED_AT.ge(from));
        }
        var to = search.createdTo();
        if (to != null) {
            conditions.add(API_TOKEN.CREATED_AT.lt(to));
        }
        if (!search.text().isEmpty()) {
            conditions.add(matchingText(search));
        }
        var server = search.resourceServer();
        if (server != null) {
            conditions.add(holdingScopeOf(server));
        }
        return DSL.and(conditions);
    }

    /**
     * Tokens that hold a scope of the resource server. Its scopes are looked up first and inlined, so that the planner
     * sees how many tokens hold them: it tests each token of the page's order through {@code api_token_scope}'s
     * primary key when they are many, and starts from the tokens holding them ({@code api_token_scope_scope}) when
     * they are few.
     */
    private Condition holdingScopeOf(String identifier) {
        var scopes = dsl.select(RESOURCE_SERVER_SCOPE.ID)
                .from(RESOURCE_SERVER_SCOPE)
                .join(RESOURCE_SERVER)
                .on(RESOURCE_SERVER.ID.eq(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID))
                .where(RESOURCE_SERVER.IDENTIFIER.eq(identifier))
                .fetch(RESOURCE_SERVER_SCOPE.ID);
        if (scopes.isEmpty()) {
            return DSL.falseCondition();
        }
        return DSL.exists(selectOne()
                .from(API_TOKEN_SCOPE)
                .where(API_TOKEN_SCOPE.TOKEN_ID.eq(API_TOKEN.ID))
                .and(API_TOKEN_SCOPE.SCOPE_ID.eq(any(inline(scopes.toArray(Long[]::new))))));
    }

    /**
     * Any of the ways a text matches a token, each one a range of one index, so that the database can combine them
     * (a bitmap OR) when they are few, or walk the page's order and test them when they are many.
     */
    private Condition matchingText(TokenSearch search) {
        var anyOf = new ArrayList<Condition>();
        search.ownerPrefix().flatMap(this::ownedByMatching).ifPresent(anyOf::add);
        search.namePrefix()
                .ifPresent(prefix ->
                        anyOf.add(API_TOKEN.NAME_KEY.like(startingWith(prefix)).escape(LIKE_ESCAPE)));
        search.hintPrefix()
                .ifPresent(prefix ->
                        anyOf.add(API_TOKEN.HINT.like(startingWith(prefix)).escape(LIKE_ESCAPE)));
        search.valueDigest().ifPresent(digest -> anyOf.add(API_TOKEN.DIGEST.eq(digest.bytes())));
        return anyOf.isEmpty() ? DSL.falseCondition() : DSL.or(anyOf);
    }

    /**
     * Tokens of the users whose username starts with the prefix. Up to {@value #MAX_OWNER_IDS} such users are looked
     * up first and their ids passed as a list, which the owner index answers and the planner can size; more users
     * than that match so many tokens that testing each token while walking the page's order finds a page soon.
     */
    private Optional<Condition> ownedByMatching(String prefix) {
        var owner = APP_USER.as("matching_owner");
        var matching = lower(owner.USERNAME).like(startingWith(prefix)).escape(LIKE_ESCAPE);
        var ids = dsl.select(owner.ID)
                .from(owner)
                .where(matching)
                .limit(MAX_OWNER_IDS + 1)
                .fetch(owner.ID);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        if (ids.size() <= MAX_OWNER_IDS) {
            // Inlined too, so that the planner knows how many owners, and so roughly how many tokens, match.
            return Optional.of(API_TOKEN.OWNER_ID.eq(any(inline(ids.toArray(Long[]::new)))));
        }
        return Optional.of(API_TOKEN.OWNER_ID.in(select(owner.ID).from(owner).where(matching)));
    }

    /** The column first, then the id in the same direction. */
    private static List<SortField<?>> order(TokenSearch search) {
        boolean ascending = search.isAscending();
        var id = ascending ? API_TOKEN.ID.asc() : API_TOKEN.ID.desc();
        return switch (search.sortBy()) {
            case NAME -> List.of(sorted(API_TOKEN.NAME_KEY, ascending), id);
            case TOKEN -> List.of(sorted(API_TOKEN.HINT, ascending), id);
            case OWNER -> List.of(sorted(lower(APP_USER.USERNAME), ascending), id);
            case CREATED -> List.of(sorted(API_TOKEN.CREATED_AT, ascending), id);
            case LAST_USED ->
                List.of(
                        ascending
                                ? API_TOKEN.LAST_USED_AT.asc().nullsFirst()
                                : API_TOKEN.LAST_USED_AT.desc().nullsLast(),
                        id);
            case EXPIRES ->
                List.of(
                        ascending
                                ? API_TOKEN.EXPIRES_AT.asc().nullsLast()
                                : API_TOKEN.EXPIRES_AT.desc().nullsFirst(),
                        id);
            case STATUS -> throw new IllegalArgumentException("Sorted by status in groups");
        };
    }

    private static <T> SortField<T> sorted(Field<T> field, boolean ascending) {
        return ascending ? field.asc() : field.desc();
    }

    /**
     * {@code 'prefix%'}, with the wildcards and the escape character of the prefix taken literally. Inlined rather
     * than bound: a pattern is an index range only when the planner sees it, and once the driver prepares a statement
     * on the server, PostgreSQL may switch to a generic plan that never looks at the bound pattern and reads every
     * row. jOOQ quotes the literal.
     */
    private static Field<String> startingWith(String prefix) {
        var pattern = new StringBuilder(prefix.length() + 8);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return inline(pattern.append('%').toString());
    }

    /** The token's old value that still works at {@code now}, if it was regenerated with an overlap. */
    private static Condition rotating(Instant now) {
        return RETIRING_TOKEN_VALUE.TOKEN_ID.eq(API_TOKEN.ID).and(RETIRING_TOKEN_VALUE.RETIRES_AT.gt(now));
    }

    private static ManagedToken toManagedToken(Record row) {
        var rotated = row.get(ROTATED_TOKEN.getName(), Long.class);
        var rotation = rotated == null
                ? null
                : new Rotation(
                        new TokenId(rotated),
                        new TokenHint(row.get(OLD_HINT.getName(), String.class)),
                        row.get(ROTATED_AT.getName(), Instant.class),
                        row.get(OLD_RETIRES_AT.getName(), Instant.class),
                        row.get(UNTIL_FIRST_USE.getName(), Boolean.class));
        var token = JooqTokenStore.toToken(row);
        // A token someone enabled during the freeze is not held by it any more.
        boolean frozen = !token.enabled() && Boolean.TRUE.equals(row.get(FROZEN.getName(), Boolean.class));
        return new ManagedToken(
                token, new Username(row.get(APP_USER.USERNAME)), frozen, rotation, row.get(API_TOKEN.CANARY));
    }

    private static List<SelectField<?>> columns() {
        var columns = new ArrayList<SelectField<?>>(List.of(JooqTokenStore.COLUMNS));
        columns.addAll(
                List.of(APP_USER.USERNAME, ROTATED_TOKEN, OLD_HINT, ROTATED_AT, OLD_RETIRES_AT, UNTIL_FIRST_USE));
        columns.addAll(List.of(FROZEN, API_TOKEN.CANARY));
        return List.copyOf(columns);
    }
}
