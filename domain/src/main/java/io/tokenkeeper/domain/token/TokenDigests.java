package io.tokenkeeper.domain.token;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The digests of the token values that exist, for a node that keeps a compact summary of them in memory (to tell a
 * guessed value from a real one without a query). Implemented by the persistence module.
 */
public interface TokenDigests {

    /** How many tokens are not revoked. */
    long countActive();

    /** Hands every digest of a token that is not revoked to {@code each}, in no particular order. */
    void forEachActive(Consumer<TokenDigest> each);

    /** The digest of the token's current value; empty when the token does not exist or was revoked. */
    Optional<TokenDigest> ofActive(TokenId token);
}
