package io.tokenkeeper.domain.policy;

/** Where the token policy is kept. Implemented by the persistence module. */
public interface PolicyStore {

    /** The stored policy, or {@link TokenPolicy#DEFAULT} when none was ever saved. */
    TokenPolicy load();

    void save(TokenPolicy policy);
}
