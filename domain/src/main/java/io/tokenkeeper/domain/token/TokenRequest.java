package io.tokenkeeper.domain.token;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a person asks for when creating a token, as typed: checked by {@link TokenService#generate(io.tokenkeeper
 * .domain.user.Actor, TokenRequest)}.
 *
 * @param expiresAt when the token stops working, or {@code null} for never (within the policy's maximum lifetime)
 * @param scopes what it may do, or {@code null} for the policy's default scopes
 * @param allowedAddresses addresses or CIDR ranges it may be used from; empty means anywhere
 */
public record TokenRequest(
        @Nullable String name,
        @Nullable Instant expiresAt,
        @Nullable Collection<String> scopes,
        Collection<String> allowedAddresses) {

    public TokenRequest {
        scopes = scopes == null ? null : List.copyOf(scopes);
        allowedAddresses = List.copyOf(allowedAddresses);
    }

    /** A token with the default scopes, usable anywhere. */
    public static TokenRequest named(@Nullable String name, @Nullable Instant expiresAt) {
        return new TokenRequest(name, expiresAt, null, List.of());
    }
}
