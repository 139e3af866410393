package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads the lifecycle policy for everyone's jobs, and lets administrators change it (audited). */
public final class LifecyclePolicyService {

    static final String ADMINISTRATORS_ONLY = "Only administrators can change the token policy.";

    private final LifecyclePolicyStore store;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public LifecyclePolicyService(
            LifecyclePolicyStore store, UserStore users, AuditLog audit, Transactions transactions, Clock clock) {
        this.store = store;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The policy as it applies now; for the background jobs and for showing limits. */
    public LifecyclePolicy current() {
        return store.load();
    }

    /** Replaces the policy. Administrators only. */
    public LifecyclePolicy update(Actor actor, @Nullable Integer disableUnusedAfterDays, List<Integer> reminderDays) {
        var policy = new LifecyclePolicy(disableUnusedAfterDays, reminderDays);
        return transactions.inTransaction(() -> {
            access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var before = store.load();
            if (before.equals(policy)) {
                return before;
            }
            store.save(policy);
            var changes = new ArrayList<String>();
            if (!Objects.equals(before.disableUnusedAfterDays(), policy.disableUnusedAfterDays())) {
                changes.add("disable tokens unused for " + days(before.disableUnusedAfterDays()) + " → "
                        + days(policy.disableUnusedAfterDays()));
            }
            if (!before.reminderDays().equals(policy.reminderDays())) {
                changes.add("expiry reminders " + before.reminderDays() + " → " + policy.reminderDays() + " days");
            }
            audit.record(AuditEvent.policyChanged(actor, "Changed " + String.join("; ", changes), clock.instant()));
            return policy;
        });
    }

    private static String days(@Nullable Integer days) {
        return days == null ? "never" : days + " days";
    }
}
