package io.tokenkeeper.domain.identity;

import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where the links between accounts and the identity provider live. Implemented by the persistence module. */
public interface IdentityLinks {

    Optional<IdentityLink> find(UserId user);

    /** The account the provider's person signed in to before. */
    Optional<IdentityLink> findBySubject(IdentityLink.Subject subject);

    /**
     * Creates or replaces the account's link.
     *
     * @throws io.tokenkeeper.domain.base.ConflictException when another account is linked to the same subject
     */
    void save(IdentityLink link, Instant now);

    void remove(UserId user);

    /** A linked account by its id; empty when the account is not linked. */
    Optional<LinkedAccount> findLinked(UserId user);

    /**
     * One page of the linked accounts, ordered by id; {@code username} (ignoring case) and {@code externalId} narrow
     * it down when given.
     */
    List<LinkedAccount> searchLinked(@Nullable String username, @Nullable String externalId, int offset, int limit);

    long countLinked(@Nullable String username, @Nullable String externalId);

    /** The local accounts an administrator allowed to be linked that are not linked yet, ordered by username. */
    List<User> allowedToLink();
}
