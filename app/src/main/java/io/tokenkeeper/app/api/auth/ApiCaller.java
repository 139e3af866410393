package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling the API: the owner of the token that authenticated the request, that token, and the client address.
 * Holds no secret.
 */
public record ApiCaller(TokenGrant grant, @Nullable String clientAddress) {

    public User user() {
        return grant.owner();
    }

    public Token token() {
        return grant.token();
    }

    /** The owner acting through the domain's services, from this client address, with this token. */
    public Actor actor() {
        return new Actor(grant.owner(), clientAddress, grant.token().hint().value());
    }
}
