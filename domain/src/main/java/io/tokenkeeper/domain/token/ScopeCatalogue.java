package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.scope.Scope;
import java.util.Set;

/** Which scopes a new token may hold, and which it gets when its creator chose none. */
public interface ScopeCatalogue {

    /** The scopes of the enabled resource servers, Tokenkeeper's own among them. */
    Set<Scope> available();

    /** What Administration › Policy pre-selects for new tokens. */
    Set<Scope> defaults();
}
