package io.tokenkeeper.persistence.policy;

import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_POLICY;
import static io.tokenkeeper.persistence.jooq.Tables.TRUSTED_IP_RANGE;

import io.tokenkeeper.domain.policy.IpRange;
import io.tokenkeeper.domain.policy.PolicyStore;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.token.TokenQuota;
import java.time.Clock;
import org.jooq.DSLContext;

/** The policy in {@code token_policy} (one row) and {@code trusted_ip_range}. */
public final class JooqPolicyStore implements PolicyStore {

    private final DSLContext dsl;
    private final Clock clock;

    public JooqPolicyStore(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public TokenPolicy load() {
        var row = dsl.select(TOKEN_POLICY.TOKEN_QUOTA, TOKEN_POLICY.MAX_LIFETIME_DAYS)
                .from(TOKEN_POLICY)
                .where(TOKEN_POLICY.ID.eq((short) 1))
                .fetchOne();
        if (row == null) {
            return TokenPolicy.DEFAULT;
        }
        var ranges = dsl.select(TRUSTED_IP_RANGE.IP_RANGE)
                .from(TRUSTED_IP_RANGE)
                .orderBy(TRUSTED_IP_RANGE.POSITION)
                .fetch(range -> IpRange.parse("trustedRanges", range.value1()));
        return new TokenPolicy(new TokenQuota(row.value1()), row.value2(), ranges);
    }

    @Override
    public void save(TokenPolicy policy) {
        var now = clock.instant();
        dsl.insertInto(TOKEN_POLICY)
                .columns(
                        TOKEN_POLICY.ID,
                        TOKEN_POLICY.TOKEN_QUOTA,
                        TOKEN_POLICY.MAX_LIFETIME_DAYS,
                        TOKEN_POLICY.UPDATED_AT)
                .values((short) 1, policy.quota().max(), policy.maxLifetimeDays(), now)
                .onConflict(TOKEN_POLICY.ID)
                .doUpdate()
                .set(TOKEN_POLICY.TOKEN_QUOTA, policy.quota().max())
                .set(TOKEN_POLICY.MAX_LIFETIME_DAYS, policy.maxLifetimeDays())
                .set(TOKEN_POLICY.UPDATED_AT, now)
                .execute();
        dsl.deleteFrom(TRUSTED_IP_RANGE).execute();
        int position = 1;
        for (IpRange range : policy.trustedRanges()) {
            dsl.insertInto(TRUSTED_IP_RANGE, TRUSTED_IP_RANGE.POSITION, TRUSTED_IP_RANGE.IP_RANGE)
                    .values(position++, range.toString())
                    .execute();
        }
    }
}
