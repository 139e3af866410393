package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An API that accepts Tokenkeeper tokens, as stored: never its client secret, only a hint of it.
 *
 * @param scopes what tokens may be allowed to do there, in the order the administrator listed them
 * @param clientId the public half of its credential; {@code null} for the built-in Tokenkeeper API, which has none
 * @param secretHint {@code tkc_} and four characters of the current secret; {@code null} with {@code clientId}
 * @param builtIn Tokenkeeper's own REST API: always there, read-only
 */
public record ResourceServer(
        ResourceServerId id,
        String name,
        ResourceIdentifier identifier,
        String description,
        List<ScopeDefinition> scopes,
        @Nullable ClientId clientId,
        @Nullable String secretHint,
        boolean enabled,
        boolean builtIn,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    public static final int MAX_SCOPES = 50;

    public ResourceServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identifier, "identifier");
        scopes = List.copyOf(scopes);
    }

    public boolean defines(Scope scope) {
        return scopes.stream().anyMatch(definition -> definition.scope().equals(scope));
    }

    public Optional<ScopeDefinition> definitionOf(Scope scope) {
        return scopes.stream()
                .filter(definition -> definition.scope().equals(scope))
                .findFirst();
    }

    public List<Scope> scopeNames() {
        return scopes.stream().map(ScopeDefinition::scope).toList();
    }
}
