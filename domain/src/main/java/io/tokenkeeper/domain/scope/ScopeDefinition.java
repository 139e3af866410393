package io.tokenkeeper.domain.scope;

import io.tokenkeeper.domain.base.Text;
import java.util.Objects;

/** A scope as its resource server defines it, with the one line people read when they choose scopes for a token. */
public record ScopeDefinition(Scope scope, String description) {

    public static final int MAX_DESCRIPTION_LENGTH = 200;

    public ScopeDefinition {
        Objects.requireNonNull(scope, "scope");
        description = Text.require(
                "scopes",
                "a one-line description of " + scope.value(),
                Text.normalise(description),
                MAX_DESCRIPTION_LENGTH);
    }

    public static ScopeDefinition of(String scope, String description) {
        return new ScopeDefinition(Scope.of(scope), description);
    }
}
