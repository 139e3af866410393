package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.TokenDigest;
import java.time.Instant;
import java.util.List;

/** A resource server to store: what the administrator entered, its generated credential, and when. */
public record NewResourceServer(
        String name,
        ResourceIdentifier identifier,
        String description,
        List<ScopeDefinition> scopes,
        ClientId clientId,
        TokenDigest secretDigest,
        String secretHint,
        Instant createdAt) {

    public NewResourceServer {
        scopes = List.copyOf(scopes);
    }
}
