package io.tokenkeeper.domain.token;

import java.util.Objects;

/**
 * A token just created, with the one copy of its value that ever leaves {@link TokenService}: show it once,
 * then let it go. {@link #toString()} shows the hint only.
 */
public record GeneratedToken(Token token, TokenSecret secret) {

    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "GeneratedToken[id=" + token.id().value() + ", hint="
                + token.hint().value() + "]";
    }
}
