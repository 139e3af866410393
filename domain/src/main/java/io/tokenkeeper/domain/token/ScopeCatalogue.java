package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeGroup;
import java.util.List;
import java.util.Set;

/** Which scopes a new token may hold, and which it gets when its creator chose none. */
public interface ScopeCatalogue {

    /** The scopes of the enabled resource servers, Tokenkeeper's own among them. */
    Set<Scope> available();

    /** What Administration › Policy pre-selects for new tokens. */
    Set<Scope> defaults();

    /**
     * The {@link #available()} scopes with their descriptions, one group per enabled resource server: Tokenkeeper's
     * own first, then by name.
     */
    List<ScopeGroup> groups();
}
