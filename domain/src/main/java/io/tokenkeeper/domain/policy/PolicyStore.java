package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.scope.Scope;
import java.util.Set;

/** Where the token policy and the sign-in policy are kept. Implemented by the persistence module. */
public interface PolicyStore {

    /** The stored policy, or {@link TokenPolicy#DEFAULT} when none was ever saved. */
    TokenPolicy load();

    void save(TokenPolicy policy);

    /** The scopes new tokens get when their creator chose none. */
    Set<Scope> defaultScopes();

    /** @throws io.tokenkeeper.domain.base.InvalidInputException for "defaultScopes" naming a scope nobody defines */
    void saveDefaultScopes(Set<Scope> scopes);

    /** The stored sign-in policy, or {@link SignInPolicy#DEFAULT} when none was ever saved. */
    SignInPolicy loadSignInPolicy();

    void saveSignInPolicy(SignInPolicy policy);
}
