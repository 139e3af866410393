package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.user.Username;
import java.util.List;

/**
 * What freezing or unfreezing a user's tokens changed.
 *
 * @param owner whose tokens they are
 * @param tokens the tokens the freeze disabled, or the unfreeze enabled again; newest first
 */
public record FreezeResult(Username owner, List<Token> tokens) {

    public FreezeResult {
        tokens = List.copyOf(tokens);
    }
}
