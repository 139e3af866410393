package io.tokenkeeper.domain.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the identity provider said about the person signing in, checked by the OpenID Connect client (signature,
 * issuer, audience, nonce) before it gets here. Only {@code subject} is sure to be there.
 *
 * @param username the claim configured to carry the username ({@code preferred_username} by default)
 * @param displayName the {@code name} claim
 * @param email the {@code email} claim
 * @param groups the claim configured to carry the groups ({@code groups} by default); empty when absent
 */
public record IdentityClaims(
        IdentityLink.Subject subject,
        @Nullable String username,
        @Nullable String displayName,
        @Nullable String email,
        List<String> groups) {

    public IdentityClaims {
        groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "IdentityClaims[" + subject + ", " + username + "]";
    }
}
