package io.tokenkeeper.domain.token;

import java.util.Optional;

/**
 * Finds a token and its owner by the digest of the token's value. Implemented by the persistence module; the API
 * puts a cache in front of it.
 */
@FunctionalInterface
public interface TokenGrants {

    /** The token, revoked or not, whose value has this digest, with its owner. */
    Optional<TokenGrant> findByDigest(TokenDigest digest);
}
