package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeGroup;
import java.util.List;
import java.util.Set;

/**
 * What someone creating a token may choose from, grouped by resource server, and what is chosen until they change it.
 *
 * @param defaults the policy's default scopes that are still available
 */
public record ScopeChoices(List<ScopeGroup> groups, Set<Scope> defaults) {

    public ScopeChoices {
        groups = List.copyOf(groups);
        defaults = Set.copyOf(defaults);
    }
}
