package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN_ALLOWED_RANGE;
import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER_SCOPE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.ResourceServerLabel;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenHint;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenStore;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.base.SqlErrors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.SelectField;

/** Tokens in {@code api_token}: their digest and hint, never their value. */
public final class JooqTokenStore implements TokenStore {

    private static final String OWNER_NAME_INDEX = "api_token_owner_name_key";
    private static final String DUPLICATE_NAME = "You already have a token with this name.";

    /** The token's scopes, by name. */
    static final Field<Result<Record1<String>>> SCOPES = multiset(select(RESOURCE_SERVER_SCOPE.SCOPE)
                    .from(API_TOKEN_SCOPE)
                    .join(RESOURCE_SERVER_SCOPE)
                    .on(RESOURCE_SERVER_SCOPE.ID.eq(API_TOKEN_SCOPE.SCOPE_ID))
                    .where(API_TOKEN_SCOPE.TOKEN_ID.eq(API_TOKEN.ID)))
            .as("scopes");

    /** Where the token may be used from, in the owner's order. */
    static final Field<Result<Record1<String>>> ALLOWED_RANGES = multiset(select(API_TOKEN_ALLOWED_RANGE.IP_RANGE)
                    .from(API_TOKEN_ALLOWED_RANGE)
                    .where(API_TOKEN_ALLOWED_RANGE.TOKEN_ID.eq(API_TOKEN.ID))
                    .orderBy(API_TOKEN_ALLOWED_RANGE.POSITION))
            .as("allowed_ranges");

    /** The identifier of the resource server the token was last used at, if it still exists. */
    static final Field<String> LAST_USED_SERVER = select(RESOURCE_SERVER.IDENTIFIER)
            .from(RESOURCE_SERVER)
            .where(RESOURCE_SERVER.ID.eq(API_TOKEN.LAST_USED_RESOURCE_SERVER_ID))
            .asField("last_used_server");

    static final Field<String> LAST_USED_SERVER_NAME = select(RESOURCE_SERVER.NAME)
            .from(RESOURCE_SERVER)
            .where(RESOURCE_SERVER.ID.eq(API_TOKEN.LAST_USED_RESOURCE_SERVER_ID))
            .asField("last_used_server_name");

    static final SelectField<?>[] COLUMNS = {
        API_TOKEN.ID,
        API_TOKEN.OWNER_ID,
        API_TOKEN.NAME,
        API_TOKEN.HINT,
        API_TOKEN.ENABLED,
        API_TOKEN.CREATED_AT,
        API_TOKEN.EXPIRES_AT,
        API_TOKEN.REVOKED_AT,
        API_TOKEN.LAST_USED_AT,
        API_TOKEN.LAST_USED_IP,
        LAST_USED_SERVER,
        LAST_USED_SERVER_NAME,
        SCOPES,
        ALLOWED_RANGES
    };

    private final DSLContext dsl;

    public JooqTokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Takes a row lock that still lets other transactions insert rows referring to the user. */
    @Override
    public void lockOwner(UserId owner) {
        dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.ID.eq(owner.value()))
                .forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("This account no longer exists."));
    }

    @Override
    public int countActive(UserId owner) {
        return dsl.fetchCount(API_TOKEN, ownedBy(owner).and(API_TOKEN.REVOKED_AT.isNull()));
    }

    @Override
    public List<Token> listActive(UserId owner) {
        return dsl.select(COLUMNS)
                .from(API_TOKEN)
                .where(ownedBy(owner).and(API_TOKEN.REVOKED_AT.isNull()))
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(JooqTokenStore::toToken);
    }

    @Override
    public Optional<Token> find(TokenId id) {
        return findOne(API_TOKEN.ID.eq(id.value()));
    }

    /** The token, revoked or not, whose value has this digest: how an API request finds its token. */
    public Optional<Token> findByDigest(TokenDigest digest) {
        return findOne(API_TOKEN.DIGEST.eq(digest.bytes()));
    }

    @Override
    public Token insert(NewToken token) {
        long id = refusingDuplicateNames(() -> dsl.insertInto(API_TOKEN)
                .columns(
                        API_TOKEN.OWNER_ID,
                        API_TOKEN.NAME,
                        API_TOKEN.NAME_KEY,
                        API_TOKEN.DIGEST,
                        API_TOKEN.HINT,
                        API_TOKEN.ENABLED,
                        API_TOKEN.CREATED_AT,
                        API_TOKEN.EXPIRES_AT)
                .values(
                        token.owner().value(),
                        token.name().value(),
                        token.name().key(),
                        token.digest().bytes(),
                        token.hint().value(),
                        true,
                        token.createdAt(),
                        token.expiresAt())
                .returningResult(API_TOKEN.ID)
                .fetchSingle(API_TOKEN.ID));
        var scopes = token.scopes().stream().map(Scope::value).toList();
        int granted = dsl.insertInto(API_TOKEN_SCOPE, API_TOKEN_SCOPE.TOKEN_ID, API_TOKEN_SCOPE.SCOPE_ID)
                .select(select(inline(id), RESOURCE_SERVER_SCOPE.ID)
                        .from(RESOURCE_SERVER_SCOPE)
                        .where(RESOURCE_SERVER_SCOPE.SCOPE.in(scopes)))
                .execute();
        if (granted != scopes.size()) {
            throw new InvalidInputException("scopes", "One of these scopes was removed meanwhile; choose again.");
        }
        int position = 1;
        for (var range : token.allowedRanges()) {
            dsl.insertInto(
                            API_TOKEN_ALLOWED_RANGE,
                            API_TOKEN_ALLOWED_RANGE.TOKEN_ID,
                            API_TOKEN_ALLOWED_RANGE.POSITION,
                            API_TOKEN_ALLOWED_RANGE.IP_RANGE)
                    .values(id, position++, range.toString())
                    .execute();
        }
        return find(new TokenId(id)).orElseThrow();
    }

    @Override
    public Token rename(TokenId id, TokenName name) {
        return refusingDuplicateNames(() -> dsl.update(API_TOKEN)
                .set(API_TOKEN.NAME, name.value())
                .set(API_TOKEN.NAME_KEY, name.key())
                .where(changeable(id))
                .returningResult(COLUMNS)
                .fetchOptional(JooqTokenStore::toToken)
                .orElseThrow(JooqTokenStore::notFound));
    }

    @Override
    public Token setEnabled(TokenId id, boolean enabled) {
        return dsl.update(API_TOKEN)
                .set(API_TOKEN.ENABLED, enabled)
                .where(changeable(id))
                .returningResult(COLUMNS)
                .fetchOptional(JooqTokenStore::toToken)
                .orElseThrow(JooqTokenStore::notFound);
    }

    @Override
    public Token revoke(TokenId id, UserId by, Instant at) {
        return dsl.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, at)
                .set(API_TOKEN.REVOKED_BY, by.value())
                .where(changeable(id))
                .returningResult(COLUMNS)
                .fetchOptional(JooqTokenStore::toToken)
                .orElseThrow(JooqTokenStore::notFound);
    }

    private Optional<Token> findOne(Condition condition) {
        return dsl.select(COLUMNS).from(API_TOKEN).where(condition).fetchOptional(JooqTokenStore::toToken);
    }

    private static Condition ownedBy(UserId owner) {
        return API_TOKEN.OWNER_ID.eq(owner.value());
    }

    /** Revoked tokens are kept for the audit trail but never change again. */
    private static Condition changeable(TokenId id) {
        return API_TOKEN.ID.eq(id.value()).and(API_TOKEN.REVOKED_AT.isNull());
    }

    private static <T> T refusingDuplicateNames(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, OWNER_NAME_INDEX)) {
                throw new InvalidInputException("name", DUPLICATE_NAME);
            }
            throw e;
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This token does not exist.");
    }

    /** The columns {@link #toToken} reads, for adapters of other features that return tokens. */
    public static List<SelectField<?>> columns() {
        return List.of(COLUMNS);
    }

    public static Token toToken(Record row) {
        var lastUsedServer = row.get(LAST_USED_SERVER);
        var lastUsedServerName = row.get(LAST_USED_SERVER_NAME);
        return new Token(
                new TokenId(row.get(API_TOKEN.ID)),
                new UserId(row.get(API_TOKEN.OWNER_ID)),
                new TokenName(row.get(API_TOKEN.NAME)),
                new TokenHint(row.get(API_TOKEN.HINT)),
                row.get(API_TOKEN.ENABLED),
                row.get(API_TOKEN.CREATED_AT),
                row.get(API_TOKEN.EXPIRES_AT),
                row.get(API_TOKEN.REVOKED_AT),
                row.get(API_TOKEN.LAST_USED_AT),
                row.get(API_TOKEN.LAST_USED_IP),
                lastUsedServer == null || lastUsedServerName == null
                        ? null
                        : new ResourceServerLabel(lastUsedServer, lastUsedServerName),
                row.get(SCOPES).stream().map(scope -> new Scope(scope.value1())).collect(Collectors.toSet()),
                row.get(ALLOWED_RANGES).map(range -> IpRange.parse("allowedAddresses", range.value1())));
    }
}
