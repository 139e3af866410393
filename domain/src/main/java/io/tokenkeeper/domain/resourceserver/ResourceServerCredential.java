package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.token.TokenDigest;
import java.util.Objects;

/**
 * A resource server as its client credential finds it: the server and the digest of its current secret. Holds no
 * secret, so it may be cached; {@link #accepts(String)} compares in constant time.
 */
public record ResourceServerCredential(ResourceServer server, TokenDigest secretDigest) {

    public ResourceServerCredential {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(secretDigest, "secretDigest");
    }

    /** Whether {@code presentedSecret} is this server's current secret and the server is enabled. */
    public boolean accepts(String presentedSecret) {
        return ClientSecret.digestOf(presentedSecret).equals(secretDigest) && server.enabled();
    }
}
