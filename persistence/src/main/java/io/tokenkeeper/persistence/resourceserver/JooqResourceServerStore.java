package io.tokenkeeper.persistence.resourceserver;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER_SCOPE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.resourceserver.ClientId;
import io.tokenkeeper.domain.resourceserver.NewResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceIdentifier;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerCredential;
import io.tokenkeeper.domain.resourceserver.ResourceServerId;
import io.tokenkeeper.domain.resourceserver.ResourceServerStore;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.persistence.base.SqlErrors;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SelectField;

/** Resource servers with their scopes (one query each way, scopes as a MULTISET), and their credentials' digests. */
public final class JooqResourceServerStore implements ResourceServerStore {

    private static final Field<Result<Record2<String, String>>> SCOPES = multiset(
                    select(RESOURCE_SERVER_SCOPE.SCOPE, RESOURCE_SERVER_SCOPE.DESCRIPTION)
                            .from(RESOURCE_SERVER_SCOPE)
                            .where(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID.eq(RESOURCE_SERVER.ID))
                            .orderBy(RESOURCE_SERVER_SCOPE.POSITION))
            .as("scopes");

    private final DSLContext dsl;

    public JooqResourceServerStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<ResourceServer> list() {
        return dsl.select(columns())
                .from(RESOURCE_SERVER)
                .orderBy(RESOURCE_SERVER.BUILT_IN.desc(), RESOURCE_SERVER.NAME.lower(), RESOURCE_SERVER.ID)
                .fetch(JooqResourceServerStore::toServer);
    }

    @Override
    public Optional<ResourceServer> find(ResourceServerId id) {
        return findOne(RESOURCE_SERVER.ID.eq(id.value()));
    }

    @Override
    public Optional<ResourceServerCredential> findCredential(ClientId clientId) {
        return dsl.select(columns())
                .select(RESOURCE_SERVER.SECRET_DIGEST)
                .from(RESOURCE_SERVER)
                .where(RESOURCE_SERVER.CLIENT_ID.eq(clientId.value()))
                .fetchOptional(row -> new ResourceServerCredential(
                        toServer(row), new TokenDigest(row.get(RESOURCE_SERVER.SECRET_DIGEST))));
    }

    @Override
    public Optional<ResourceServer> findByCredential(ClientId clientId, TokenDigest secretDigest) {
        var row = dsl.select(RESOURCE_SERVER.ID, RESOURCE_SERVER.SECRET_DIGEST)
                .from(RESOURCE_SERVER)
                .where(RESOURCE_SERVER.CLIENT_ID.eq(clientId.value()))
                .fetchOne();
        if (row == null || !MessageDigest.isEqual(row.value2(), secretDigest.bytes())) {
            return Optional.empty();
        }
        return find(new ResourceServerId(row.value1()));
    }

    @Override
    public Optional<ResourceServer> findDefining(Scope scope) {
        return findOne(RESOURCE_SERVER.ID.in(select(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID)
                .from(RESOURCE_SERVER_SCOPE)
                .where(RESOURCE_SERVER_SCOPE.SCOPE.eq(scope.value()))));
    }

    @Override
    public ResourceServer insert(NewResourceServer server) {
        return refusingDuplicates(() -> {
            long id = dsl.insertInto(RESOURCE_SERVER)
                    .columns(
                            RESOURCE_SERVER.NAME,
                            RESOURCE_SERVER.IDENTIFIER,
                            RESOURCE_SERVER.DESCRIPTION,
                            RESOURCE_SERVER.CLIENT_ID,
                            RESOURCE_SERVER.SECRET_DIGEST,
                            RESOURCE_SERVER.SECRET_HINT,
                            RESOURCE_SERVER.CREATED_AT,
                            RESOURCE_SERVER.UPDATED_AT)
                    .values(
                            server.name(),
                            server.identifier().value(),
                            server.description(),
                            server.clientId().value(),
                            server.secretDigest().bytes(),
                            server.secretHint(),
                            server.createdAt(),
                            server.createdAt())
                    .returningResult(RESOURCE_SERVER.ID)
                    .fetchSingle(RESOURCE_SERVER.ID);
            insertScopes(id, server.scopes(), 1);
            return find(new ResourceServerId(id)).orElseThrow();
        });
    }

    @Override
    public ResourceServer update(
            ResourceServerId id,
            String name,
            ResourceIdentifier identifier,
            String description,
            List<ScopeDefinition> scopes,
            Instant at) {
        return refusingDuplicates(() -> {
            int updated = dsl.update(RESOURCE_SERVER)
                    .set(RESOURCE_SERVER.NAME, name)
                    .set(RESOURCE_SERVER.IDENTIFIER, identifier.value())
                    .set(RESOURCE_SERVER.DESCRIPTION, description)
                    .set(RESOURCE_SERVER.UPDATED_AT, at)
                    .where(RESOURCE_SERVER.ID.eq(id.value()))
                    .execute();
            if (updated == 0) {
                throw notFound();
            }
            var kept = scopes.stream()
                    .map(definition -> definition.scope().value())
                    .toList();
            // Removing a scope removes every token's hold on it (ON DELETE CASCADE, which tells the caches).
            dsl.deleteFrom(RESOURCE_SERVER_SCOPE)
                    .where(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID.eq(id.value()))
                    .and(RESOURCE_SERVER_SCOPE.SCOPE.notIn(kept))
                    .execute();
            // Kept scopes keep their row (and the tokens holding them); positions move out of the way first.
            dsl.update(RESOURCE_SERVER_SCOPE)
                    .set(RESOURCE_SERVER_SCOPE.POSITION, RESOURCE_SERVER_SCOPE.POSITION.neg())
                    .where(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID.eq(id.value()))
                    .execute();
            int position = 1;
            for (var definition : scopes) {
                int moved = dsl.update(RESOURCE_SERVER_SCOPE)
                        .set(RESOURCE_SERVER_SCOPE.POSITION, position)
                        .set(RESOURCE_SERVER_SCOPE.DESCRIPTION, definition.description())
                        .where(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID.eq(id.value()))
                        .and(RESOURCE_SERVER_SCOPE.SCOPE.eq(definition.scope().value()))
                        .execute();
                if (moved == 0) {
                    insertScopes(id.value(), List.of(definition), position);
                }
                position++;
            }
            return find(id).orElseThrow(JooqResourceServerStore::notFound);
        });
    }

    @Override
    public ResourceServer setEnabled(ResourceServerId id, boolean enabled, Instant at) {
        int updated = dsl.update(RESOURCE_SERVER)
                .set(RESOURCE_SERVER.ENABLED, enabled)
                .set(RESOURCE_SERVER.UPDATED_AT, at)
                .where(RESOURCE_SERVER.ID.eq(id.value()))
                .execute();
        if (updated == 0) {
            throw notFound();
        }
        return find(id).orElseThrow(JooqResourceServerStore::notFound);
    }

    @Override
    public ResourceServer replaceSecret(ResourceServerId id, TokenDigest secretDigest, String secretHint, Instant at) {
        int updated = dsl.update(RESOURCE_SERVER)
                .set(RESOURCE_SERVER.SECRET_DIGEST, secretDigest.bytes())
                .set(RESOURCE_SERVER.SECRET_HINT, secretHint)
                .set(RESOURCE_SERVER.UPDATED_AT, at)
                .where(RESOURCE_SERVER.ID.eq(id.value()))
                .and(RESOURCE_SERVER.CLIENT_ID.isNotNull())
                .execute();
        if (updated == 0) {
            throw notFound();
        }
        return find(id).orElseThrow(JooqResourceServerStore::notFound);
    }

    @Override
    public void delete(ResourceServerId id) {
        dsl.deleteFrom(RESOURCE_SERVER)
                .where(RESOURCE_SERVER.ID.eq(id.value()))
                .and(RESOURCE_SERVER.BUILT_IN.isFalse())
                .execute();
    }

    @Override
    public int countActiveTokensHolding(Collection<Scope> scopes) {
        if (scopes.isEmpty()) {
            return 0;
        }
        return dsl.fetchCount(dsl.selectDistinct(API_TOKEN_SCOPE.TOKEN_ID)
                .from(API_TOKEN_SCOPE)
                .join(RESOURCE_SERVER_SCOPE)
                .on(RESOURCE_SERVER_SCOPE.ID.eq(API_TOKEN_SCOPE.SCOPE_ID))
                .join(API_TOKEN)
                .on(API_TOKEN.ID.eq(API_TOKEN_SCOPE.TOKEN_ID))
                .where(RESOURCE_SERVER_SCOPE.SCOPE.in(
                        scopes.stream().map(Scope::value).toList()))
                .and(API_TOKEN.REVOKED_AT.isNull()));
    }

    /** A transaction-scoped advisory lock: registrations and scope changes take turns across nodes. */
    @Override
    public void lock() {
        dsl.execute("select pg_advisory_xact_lock(hashtext('tokenkeeper.resource_server'))");
    }

    private void insertScopes(long serverId, List<ScopeDefinition> scopes, int firstPosition) {
        int position = firstPosition;
        for (var definition : scopes) {
            dsl.insertInto(RESOURCE_SERVER_SCOPE)
                    .columns(
                            RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID,
                            RESOURCE_SERVER_SCOPE.POSITION,
                            RESOURCE_SERVER_SCOPE.SCOPE,
                            RESOURCE_SERVER_SCOPE.DESCRIPTION)
                    .values(serverId, position++, definition.scope().value(), definition.description())
                    .execute();
        }
    }

    private Optional<ResourceServer> findOne(Condition condition) {
        return dsl.select(columns())
                .from(RESOURCE_SERVER)
                .where(condition)
                .fetchOptional(JooqResourceServerStore::toServer);
    }

    private static SelectField<?>[] columns() {
        return new SelectField<?>[] {
            RESOURCE_SERVER.ID,
            RESOURCE_SERVER.NAME,
            RESOURCE_SERVER.IDENTIFIER,
            RESOURCE_SERVER.DESCRIPTION,
            RESOURCE_SERVER.CLIENT_ID,
            RESOURCE_SERVER.SECRET_HINT,
            RESOURCE_SERVER.ENABLED,
            RESOURCE_SERVER.BUILT_IN,
            RESOURCE_SERVER.CREATED_AT,
            RESOURCE_SERVER.UPDATED_AT,
            SCOPES
        };
    }

    private static ResourceServer toServer(Record row) {
        var clientId = row.get(RESOURCE_SERVER.CLIENT_ID);
        return new ResourceServer(
                new ResourceServerId(row.get(RESOURCE_SERVER.ID)),
                row.get(RESOURCE_SERVER.NAME),
                new ResourceIdentifier(row.get(RESOURCE_SERVER.IDENTIFIER)),
                row.get(RESOURCE_SERVER.DESCRIPTION),
                row.get(SCOPES).map(scope -> new ScopeDefinition(new Scope(scope.value1()), scope.value2())),
                clientId == null ? null : new ClientId(clientId),
                row.get(RESOURCE_SERVER.SECRET_HINT),
                row.get(RESOURCE_SERVER.ENABLED),
                row.get(RESOURCE_SERVER.BUILT_IN),
                row.get(RESOURCE_SERVER.CREATED_AT),
                row.get(RESOURCE_SERVER.UPDATED_AT));
    }

    private static ResourceServer refusingDuplicates(Supplier<ResourceServer> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "resource_server_name_key")) {
                throw new InvalidInputException("name", "Another resource server already has this name.");
            }
            if (SqlErrors.isUniqueViolation(e, "resource_server_identifier_key")) {
                throw new InvalidInputException("identifier", "Another resource server already has this identifier.");
            }
            if (SqlErrors.isUniqueViolation(e, "resource_server_scope_scope_key")) {
                throw new InvalidInputException(
                        "scopes",
                        "Another resource server already defines one of these scopes; scope names are unique.");
            }
            throw e;
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This resource server does not exist.");
    }
}
