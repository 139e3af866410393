package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Canary tokens: decoys an owner leaves where a thief would look. Created like any token (same name rules and quota),
 * they never authenticate; the caller gets the same 401 as for an unknown value. Any use is audited, and through the
 * audit trail notifies the owner and every administrator with the address, user agent and path.
 */
public final class CanaryTokens {

    private final TokenService tokens;
    private final CanaryStore store;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public CanaryTokens(
            TokenService tokens,
            CanaryStore store,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates a canary token for the actor; its value is shown once, like any token's. */
    public GeneratedToken create(Actor actor, @Nullable String name) {
        return transactions.inTransaction(() -> {
            var generated = tokens.generate(actor, TokenRequest.named(name, null));
            var token = generated.token();
            store.markCanary(token.id());
            audit.record(AuditEvent.onToken(
                    actor,
                    AuditAction.CANARY_TOKEN_CREATED,
                    token.id().value(),
                    token.name().value(),
                    "Marked \u201C" + token.name().value() + "\u201D ("
                            + token.hint().value()
                            + ") as a canary: it never authenticates and any use raises the alarm",
                    clock.instant()));
            return generated;
        });
    }

    /** The actor's canary tokens. */
    public Set<TokenId> canaries(Actor actor) {
        return store.canariesOf(
                access.requireApiAccess(actor, TokenService.NO_API_ACCESS).id());
    }

    /**
     * Someone presented a canary token. Audited on behalf of nobody, with where it came from; the owner and every
     * administrator are notified. Nothing the caller sent is kept beyond the address, user agent and path.
     */
    public void used(
            TokenGrant grant, @Nullable String clientAddress, @Nullable String userAgent, @Nullable String path) {
        var token = grant.token();
        var details = "from " + (clientAddress == null ? "an unknown address" : clientAddress) + ", user agent "
                + (userAgent == null ? "none" : "\u201C" + clip(userAgent) + "\u201D") + ", path "
                + (path == null ? "unknown" : clip(path));
        transactions.inTransaction(() -> {
            audit.record(new AuditEvent(
                    clock.instant(),
                    null,
                    AuditEvent.UNKNOWN,
                    AuditAction.CANARY_TOKEN_USED,
                    "token",
                    Long.toString(token.id().value()),
                    token.name().value(),
                    details,
                    clientAddress));
            return null;
        });
    }

    private static String clip(String text) {
        var clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "\u2026";
    }
}
