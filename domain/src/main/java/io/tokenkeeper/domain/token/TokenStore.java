package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where tokens live. Implemented by the persistence module; {@link TokenService} calls it inside its transactions,
 * and {@link TokenAdministration} locks an owner with it while freezing. "Active" means not revoked: disabled and
 * expired tokens are active, they still count and show.
 */
public interface TokenStore {

    /**
     * Locks the owner until the current transaction ends, so that token creations for one owner take turns.
     *
     * @throws io.tokenkeeper.domain.base.NotFoundException when the owner no longer exists
     */
    void lockOwner(UserId owner);

    int countActive(UserId owner);

    /** The owner's tokens that are not revoked, newest first. */
    List<Token> listActive(UserId owner);

    /** Any token, revoked or not. */
    Optional<Token> find(TokenId id);

    /**
     * @throws io.tokenkeeper.domain.base.InvalidInputException for field "name" when the owner already has an
     *     active token whose name has the same {@link TokenName#key() key}
     */
    Token insert(NewToken token);

    /**
     * @throws io.tokenkeeper.domain.base.InvalidInputException for field "name" when the owner already has another
     *     active token whose name has the same {@link TokenName#key() key}
     * @throws io.tokenkeeper.domain.base.NotFoundException when the token does not exist or was revoked
     */
    Token rename(TokenId id, TokenName name);

    /** @throws io.tokenkeeper.domain.base.NotFoundException when the token does not exist or was revoked */
    Token setEnabled(TokenId id, boolean enabled);

    /** @throws io.tokenkeeper.domain.base.NotFoundException when the token does not exist or was already revoked */
    Token revoke(TokenId id, UserId by, Instant at);
}
