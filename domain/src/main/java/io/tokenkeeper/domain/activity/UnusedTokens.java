package io.tokenkeeper.domain.activity;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The policy "Disable tokens unused for N days": such tokens are disabled, not revoked; the owner is told and may
 * enable them again, and then has the full period before the rule applies again. Audited as done by the system.
 */
public final class UnusedTokens {

    private final UnusedTokenStore store;
    private final LifecyclePolicyService policy;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final TokenChanges changes;

    /** @param audit also where the owner hears of it (see {@link io.tokenkeeper.domain.notification}) */
    public UnusedTokens(
            UnusedTokenStore store,
            LifecyclePolicyService policy,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            TokenChanges changes) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.changes = changes;
    }

    /** Applies the rule now; nothing when the policy leaves it off. */
    public List<Token> disableUnused() {
        var days = policy.current().disableUnusedAfterDays();
        if (days == null) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var disabled = store.disableUnusedSince(now.minus(Duration.ofDays(days)), now);
            for (var token : disabled) {
                changes.tokenChanged(token.id());
                audit.record(AuditEvent.bySystemOnToken(
                        AuditAction.TOKEN_DISABLED_FOR_INACTIVITY,
                        token.id().value(),
                        token.name().value(),
                        "Disabled \u201C" + token.name().value() + "\u201D ("
                                + token.hint().value() + "): not used for " + days + " days",
                        now));
            }
            return disabled;
        });
    }
}
