package io.tokenkeeper.ui.token;

import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.TokenAuthenticator;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.Verification;
import org.jspecify.annotations.Nullable;

/**
 * What Test token says: whether Tokenkeeper's API would let the new token in from here, as {@code GET /api/v1/me} would
 * answer, decided by the same {@link TokenAuthenticator} the API uses, on the server. The value never leaves it.
 */
final class TokenTest {

    private TokenTest() {}

    /** Tries {@code secret} as a bearer token from {@code clientAddress} and says how it went, in one sentence. */
    static String run(TokenAuthenticator authenticator, TokenSecret secret, @Nullable String clientAddress) {
        return describe(authenticator.verify(secret.reveal(), null, clientAddress), clientAddress);
    }

    static String describe(Verification verification, @Nullable String clientAddress) {
        String from = clientAddress == null ? "from here" : "from your address " + clientAddress;
        return switch (verification.outcome()) {
            case ACCEPTED -> {
                var grant = verification.requireGrant();
                String username = grant.owner().username().value();
                yield grant.token().holds(Scope.TOKENKEEPER_READ)
                        ? "Works — authenticated as " + username + "."
                        : "Authenticated as " + username + ", but the token lacks " + Scope.TOKENKEEPER_READ.value()
                                + ", so Tokenkeeper's own API answers 403; it works at the resource servers of its"
                                + " scopes.";
            }
            case ADDRESS_NOT_TRUSTED ->
                "Does not work " + from + ": the policy accepts API calls only from its trusted IP ranges.";
            case ADDRESS_NOT_ALLOWED_FOR_TOKEN ->
                "Does not work " + from + ": the token is allowed only from the addresses you gave it.";
            case TOKEN_NOT_USABLE -> "Does not work: the token is disabled, expired or revoked.";
            case OWNER_NOT_ALLOWED -> "Does not work: your account is disabled or no longer has API Access.";
            case CANARY -> "Does not work, by design: a canary token never authenticates.";
            case WRONG_USERNAME, UNKNOWN, MALFORMED -> "Does not work: the API does not know this token.";
        };
    }
}
