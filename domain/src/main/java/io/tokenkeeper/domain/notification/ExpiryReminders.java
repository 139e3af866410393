package io.tokenkeeper.domain.notification;

import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.policy.LifecyclePolicyService;
import io.tokenkeeper.domain.token.TokenId;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;

/**
 * Sends what time brings: a reminder at each of the policy's lead times before a token expires, a notice when it
 * expired, and a notice when the old value of a regenerated token stopped working. Every node runs it; each notice is
 * claimed in PostgreSQL, so it goes out once across nodes and restarts, and late rather than never after downtime
 * (only the nearest lead time then, not every one missed).
 */
public final class ExpiryReminders {

    /** Tokens that expired longer ago than this when the job first sees them get no notice. */
    static final int EXPIRED_WITHIN_DAYS = 7;

    private final NotificationStore store;
    private final LifecyclePolicyService policy;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;

    public ExpiryReminders(
            NotificationStore store,
            LifecyclePolicyService policy,
            Notifier notifier,
            Transactions transactions,
            Clock clock) {
        this.store = store;
        this.policy = policy;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many notices went out */
    public int run() {
        var leadDays = policy.current().reminderDays();
        return transactions.inTransaction(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var nearest = new LinkedHashMap<TokenId, NotificationStore.DueReminder>();
            store.claimDueReminders(leadDays, now, EXPIRED_WITHIN_DAYS).stream()
                    .sorted(Comparator.comparingInt(NotificationStore.DueReminder::leadDays))
                    .forEach(due -> nearest.putIfAbsent(due.token(), due));
            for (var due : nearest.values()) {
                var described = "\u201C" + due.tokenName() + "\u201D (" + due.hint() + ")";
                if (due.leadDays() == 0) {
                    notifier.notify(
                            due.owner(),
                            NotificationKind.EXPIRED,
                            "Token expired: " + due.tokenName(),
                            "Your token " + described + " expired at " + due.expiresAt()
                                    + ". Whatever uses it now gets 401; regenerate it with a fresh expiry.",
                            due.token(),
                            null);
                } else {
                    long days =
                            Math.max(1, (Duration.between(now, due.expiresAt()).toHours() + 23) / 24);
                    notifier.notify(
                            due.owner(),
                            NotificationKind.EXPIRES_SOON,
                            "Token expires in " + days + (days == 1 ? " day: " : " days: ") + due.tokenName(),
                            "Your token " + described + " expires at " + due.expiresAt()
                                    + ". Extend its expiry or regenerate it before then.",
                            due.token(),
                            null);
                }
            }
            var retired = store.claimRetiredValues(now);
            for (var value : retired) {
                notifier.notify(
                        value.owner(),
                        NotificationKind.OLD_VALUE_RETIRED,
                        "Old value retired: " + value.tokenName(),
                        "The old value (" + value.oldHint() + ") of your regenerated token \u201C" + value.tokenName()
                                + "\u201D stopped working at " + value.retiredAt() + ". Only the new value works now.",
                        value.token(),
                        null);
            }
            return nearest.size() + retired.size();
        });
    }
}
