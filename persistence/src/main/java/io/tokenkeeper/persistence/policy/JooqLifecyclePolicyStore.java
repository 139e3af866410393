package io.tokenkeeper.persistence.policy;

import static io.tokenkeeper.persistence.jooq.Tables.LIFECYCLE_POLICY;

import io.tokenkeeper.domain.policy.LifecyclePolicy;
import io.tokenkeeper.domain.policy.LifecyclePolicyStore;
import java.time.Clock;
import java.util.stream.Collectors;

/** The lifecycle policy in the one row of {@code lifecycle_policy}; no row means the defaults. */
public final class JooqLifecyclePolicyStore implements LifecyclePolicyStore {

    private final org.jooq.DSLContext dsl;
    private final Clock clock;

    public JooqLifecyclePolicyStore(org.jooq.DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public LifecyclePolicy load() {
        return dsl.selectFrom(LIFECYCLE_POLICY)
                .fetchOptional(row -> new LifecyclePolicy(
                        row.getDisableUnusedAfterDays(), LifecyclePolicy.parseDays(row.getReminderDays())))
                .orElse(LifecyclePolicy.DEFAULT);
    }

    @Override
    public void save(LifecyclePolicy policy) {
        var days = policy.reminderDays().stream().map(String::valueOf).collect(Collectors.joining(","));
        dsl.insertInto(LIFECYCLE_POLICY)
                .set(LIFECYCLE_POLICY.ID, (short) 1)
                .set(LIFECYCLE_POLICY.DISABLE_UNUSED_AFTER_DAYS, policy.disableUnusedAfterDays())
                .set(LIFECYCLE_POLICY.REMINDER_DAYS, days)
                .set(LIFECYCLE_POLICY.UPDATED_AT, clock.instant())
                .onConflict(LIFECYCLE_POLICY.ID)
                .doUpdate()
                .set(LIFECYCLE_POLICY.DISABLE_UNUSED_AFTER_DAYS, policy.disableUnusedAfterDays())
                .set(LIFECYCLE_POLICY.REMINDER_DAYS, days)
                .set(LIFECYCLE_POLICY.UPDATED_AT, clock.instant())
                .execute();
    }
}
