package io.tokenkeeper.domain.provisioning;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where provisioning tokens live: digests and hints only. Implemented by the persistence module. */
public interface ProvisioningTokenStore {

    ProvisioningToken insert(String name, TokenDigest digest, String hint, UserId createdBy, Instant now);

    /** The tokens not revoked, newest first. */
    List<ProvisioningToken> listActive();

    /** A token that is not revoked. */
    Optional<ProvisioningToken> findActive(long id);

    /** The token that is not revoked and has this digest. */
    Optional<ProvisioningToken> findActiveByDigest(TokenDigest digest);

    void revoke(long id, UserId by, Instant now);

    /** Notes that the token was used, at most once a minute. */
    void recordUse(long id, Instant now);
}
