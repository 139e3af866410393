package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import java.util.Set;

/** Which tokens are canaries. Implemented by the persistence module. */
public interface CanaryStore {

    void markCanary(TokenId token);

    /** The owner's canary tokens that are not revoked. */
    Set<TokenId> canariesOf(UserId owner);
}
