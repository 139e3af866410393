package io.tokenkeeper.domain.scope;

import java.util.List;
import java.util.Objects;

/**
 * The scopes one resource server offers, as a person choosing scopes for a new token sees them: under the server's
 * name, in the order its administrator listed them.
 */
public record ScopeGroup(String serverName, List<ScopeDefinition> scopes) {

    public ScopeGroup {
        Objects.requireNonNull(serverName, "serverName");
        scopes = List.copyOf(scopes);
    }
}
