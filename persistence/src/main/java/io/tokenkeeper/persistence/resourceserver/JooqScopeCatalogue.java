package io.tokenkeeper.persistence.resourceserver;

import static io.tokenkeeper.persistence.jooq.Tables.POLICY_DEFAULT_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER_SCOPE;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.scope.ScopeGroup;
import io.tokenkeeper.domain.token.ScopeCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The scopes of enabled resource servers, and the policy's default scopes ({@code policy_default_scope}). */
public final class JooqScopeCatalogue implements ScopeCatalogue {

    private final DSLContext dsl;

    public JooqScopeCatalogue(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<Scope> available() {
        return dsl.select(RESOURCE_SERVER_SCOPE.SCOPE)
                .from(RESOURCE_SERVER_SCOPE)
                .join(RESOURCE_SERVER)
                .on(RESOURCE_SERVER.ID.eq(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID))
                .where(RESOURCE_SERVER.ENABLED.isTrue())
                .fetchSet(row -> new Scope(row.value1()));
    }

    @Override
    public List<ScopeGroup> groups() {
        var groups = new LinkedHashMap<Long, String>();
        var scopes = new LinkedHashMap<Long, List<ScopeDefinition>>();
        dsl.select(
                        RESOURCE_SERVER.ID,
                        RESOURCE_SERVER.NAME,
                        RESOURCE_SERVER_SCOPE.SCOPE,
                        RESOURCE_SERVER_SCOPE.DESCRIPTION)
                .from(RESOURCE_SERVER)
                .join(RESOURCE_SERVER_SCOPE)
                .on(RESOURCE_SERVER_SCOPE.RESOURCE_SERVER_ID.eq(RESOURCE_SERVER.ID))
                .where(RESOURCE_SERVER.ENABLED.isTrue())
                .orderBy(
                        RESOURCE_SERVER.BUILT_IN.desc(),
                        RESOURCE_SERVER.NAME.lower(),
                        RESOURCE_SERVER.ID,
                        RESOURCE_SERVER_SCOPE.POSITION)
                .forEach(row -> {
                    groups.putIfAbsent(row.value1(), row.value2());
                    scopes.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                            .add(new ScopeDefinition(new Scope(row.value3()), row.value4()));
                });
        return groups.entrySet().stream()
                .map(group -> new ScopeGroup(group.getValue(), scopes.get(group.getKey())))
                .toList();
    }

    @Override
    public Set<Scope> defaults() {
        return defaultScopes(dsl);
    }

    /** The default scopes of new tokens, for the policy store too. */
    public static Set<Scope> defaultScopes(DSLContext dsl) {
        return dsl
                .select(RESOURCE_SERVER_SCOPE.SCOPE)
                .from(POLICY_DEFAULT_SCOPE)
                .join(RESOURCE_SERVER_SCOPE)
                .on(RESOURCE_SERVER_SCOPE.ID.eq(POLICY_DEFAULT_SCOPE.SCOPE_ID))
                .fetch(row -> new Scope(row.value1()))
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }
}
