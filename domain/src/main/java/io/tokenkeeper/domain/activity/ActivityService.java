package io.tokenkeeper.domain.activity;

import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenStore;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Shows a token's activity to its owner (with API Access) and to administrators; for anyone else the token does not
 * exist. Revoked tokens do not exist here either.
 */
public final class ActivityService {

    static final String NO_ACCESS = "You need the API Access privilege to see API tokens.";
    static final String NOT_FOUND = "This token does not exist.";
    static final int HISTORY = 50;

    private final ActivityStore store;
    private final TokenStore tokens;
    private final AccessCheck access;
    private final BiFunction<TokenId, Integer, List<AuditEvent>> history;
    private final Clock clock;

    /** @param history the newest audit events of a token, at most as many as asked for */
    public ActivityService(
            ActivityStore store,
            TokenStore tokens,
            UserStore users,
            BiFunction<TokenId, Integer, List<AuditEvent>> history,
            Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.access = new AccessCheck(users);
        this.history = history;
        this.clock = clock;
    }

    /** The last {@code days} days (today included, at most {@link TokenActivity#DAYS_KEPT}) and the audit history. */
    public TokenActivity activity(Actor actor, TokenId id, int days) {
        var user = access.requireAdministratorOrApiAccess(actor, NO_ACCESS);
        tokens.find(id)
                .filter(token -> !token.isRevoked())
                .filter(token -> token.isOwnedBy(user.id()) || user.isAdministrator())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        int span = Math.max(1, Math.min(days, TokenActivity.DAYS_KEPT));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var recorded = store.read(id, today.minusDays(span - 1L), today);
        return new TokenActivity(
                id,
                recorded.days(),
                recorded.addresses(),
                recorded.lastUserAgent(),
                recorded.lastEndpoint(),
                recorded.lastSeenAt(),
                history.apply(id, HISTORY));
    }
}
