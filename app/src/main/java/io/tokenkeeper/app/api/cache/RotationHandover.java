package io.tokenkeeper.app.api.cache;

import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenLifecycle;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends the overlap of a regenerated token whose old value works "until the new value is first used" when the new
 * value authenticates a request: off the request thread, once per token on this node while the write is under way,
 * and once across all nodes (the database decides). The change feed then makes every node forget the old value.
 */
public final class RotationHandover {

    private final TokenLifecycle lifecycle;
    private final Clock clock;
    private final BackgroundWork background;
    private final Set<TokenId> underWay = ConcurrentHashMap.newKeySet();

    RotationHandover(TokenLifecycle lifecycle, Clock clock, BackgroundWork background) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.background = background;
    }

    /** Called for every accepted request; costs a field read unless the grant's new value awaits its first use. */
    void used(TokenGrant grant) {
        if (!grant.endsOverlap(clock)) {
            return;
        }
        var id = grant.token().id();
        if (!underWay.add(id)) {
            return;
        }
        boolean submitted = background.submit("end the overlap of token " + id.value(), () -> {
            try {
                lifecycle.newValueFirstUsed(id);
            } finally {
                underWay.remove(id);
            }
        });
        if (!submitted) {
            underWay.remove(id);
        }
    }
}
