package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.TokenDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where resource servers, their scopes and credentials live. Implemented by the persistence module; only the
 * resource-server services call it, inside their transactions.
 */
public interface ResourceServerStore {

    /** Every resource server, the built-in one first, then by name. */
    List<ResourceServer> list();

    Optional<ResourceServer> find(ResourceServerId id);

    /** The server this client id names with the digest of its current secret, enabled or not. */
    Optional<ResourceServerCredential> findCredential(ClientId clientId);

    /** The server with this credential, enabled or not; empty for an unknown id or a wrong secret digest. */
    Optional<ResourceServer> findByCredential(ClientId clientId, TokenDigest secretDigest);

    /** The server that defines {@code scope}. */
    Optional<ResourceServer> findDefining(Scope scope);

    /**
     * @throws io.tokenkeeper.domain.base.InvalidInputException for field "name", "identifier" or "scopes" when
     *     another server already has that name (ignoring case), that identifier, or one of those scope names
     */
    ResourceServer insert(NewResourceServer server);

    /**
     * Replaces name, identifier, description and scopes; scopes no longer listed are removed, and with them every
     * token's hold on them.
     *
     * @throws io.tokenkeeper.domain.base.InvalidInputException as for {@link #insert}
     * @throws io.tokenkeeper.domain.base.NotFoundException when the server does not exist
     */
    ResourceServer update(
            ResourceServerId id,
            String name,
            ResourceIdentifier identifier,
            String description,
            List<ScopeDefinition> scopes,
            Instant at);

    /** @throws io.tokenkeeper.domain.base.NotFoundException when the server does not exist */
    ResourceServer setEnabled(ResourceServerId id, boolean enabled, Instant at);

    /** @throws io.tokenkeeper.domain.base.NotFoundException when the server does not exist */
    ResourceServer replaceSecret(ResourceServerId id, TokenDigest secretDigest, String secretHint, Instant at);

    /** Deletes the server, its scopes and every token's hold on them. */
    void delete(ResourceServerId id);

    /** How many tokens that are not revoked hold at least one of {@code scopes}. */
    int countActiveTokensHolding(Collection<Scope> scopes);

    /** Locks the resource servers until the current transaction ends, so that changes to them take turns. */
    void lock();
}
