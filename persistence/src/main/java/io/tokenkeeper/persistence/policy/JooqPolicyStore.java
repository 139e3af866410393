package io.tokenkeeper.persistence.policy;

import static io.tokenkeeper.persistence.jooq.Tables.GROUP_PRIVILEGE;
import static io.tokenkeeper.persistence.jooq.Tables.POLICY_DEFAULT_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER_SCOPE;
import static io.tokenkeeper.persistence.jooq.Tables.SIGN_IN_POLICY;
import static io.tokenkeeper.persistence.jooq.Tables.TOKEN_POLICY;
import static io.tokenkeeper.persistence.jooq.Tables.TRUSTED_IP_RANGE;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.GroupMapping;
import io.tokenkeeper.domain.policy.PolicyStore;
import io.tokenkeeper.domain.policy.SignInPolicy;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.persistence.resourceserver.JooqScopeCatalogue;
import java.time.Clock;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The token policy in {@code token_policy} (one row) and {@code trusted_ip_range}; the sign-in policy in
 * {@code sign_in_policy} (one row) and {@code group_privilege}.
 */
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

    @Override
    public Set<Scope> defaultScopes() {
        return JooqScopeCatalogue.defaultScopes(dsl);
    }

    @Override
    public void saveDefaultScopes(Set<Scope> scopes) {
        var names = scopes.stream().map(Scope::value).toList();
        dsl.deleteFrom(POLICY_DEFAULT_SCOPE).execute();
        int saved = dsl.insertInto(POLICY_DEFAULT_SCOPE, POLICY_DEFAULT_SCOPE.SCOPE_ID)
                .select(select(RESOURCE_SERVER_SCOPE.ID)
                        .from(RESOURCE_SERVER_SCOPE)
                        .where(RESOURCE_SERVER_SCOPE.SCOPE.in(names)))
                .execute();
        if (saved != names.size()) {
            throw new InvalidInputException("defaultScopes", "No resource server defines one of these scopes.");
        }
    }

    @Override
    public SignInPolicy loadSignInPolicy() {
        var administratorsOnly = dsl.select(SIGN_IN_POLICY.PASSWORD_SIGN_IN_ADMINISTRATORS_ONLY)
                .from(SIGN_IN_POLICY)
                .where(SIGN_IN_POLICY.ID.eq((short) 1))
                .fetchOptional(SIGN_IN_POLICY.PASSWORD_SIGN_IN_ADMINISTRATORS_ONLY)
                .orElse(false);
        var mappings = dsl.select(GROUP_PRIVILEGE.GROUP_NAME, GROUP_PRIVILEGE.PRIVILEGE)
                .from(GROUP_PRIVILEGE)
                .orderBy(GROUP_PRIVILEGE.POSITION)
                .fetch(row -> new GroupMapping(row.value1(), Privilege.valueOf(row.value2())));
        return new SignInPolicy(mappings, administratorsOnly);
    }

    @Override
    public void saveSignInPolicy(SignInPolicy policy) {
        var now = clock.instant();
        dsl.insertInto(SIGN_IN_POLICY)
                .columns(
                        SIGN_IN_POLICY.ID,
                        SIGN_IN_POLICY.PASSWORD_SIGN_IN_ADMINISTRATORS_ONLY,
                        SIGN_IN_POLICY.UPDATED_AT)
                .values((short) 1, policy.passwordSignInAdministratorsOnly(), now)
                .onConflict(SIGN_IN_POLICY.ID)
                .doUpdate()
                .set(SIGN_IN_POLICY.PASSWORD_SIGN_IN_ADMINISTRATORS_ONLY, policy.passwordSignInAdministratorsOnly())
                .set(SIGN_IN_POLICY.UPDATED_AT, now)
                .execute();
        dsl.deleteFrom(GROUP_PRIVILEGE).execute();
        int position = 1;
        for (GroupMapping mapping : policy.groupMappings()) {
            dsl.insertInto(
                            GROUP_PRIVILEGE,
                            GROUP_PRIVILEGE.POSITION,
                            GROUP_PRIVILEGE.GROUP_NAME,
                            GROUP_PRIVILEGE.PRIVILEGE)
                    .values(position++, mapping.group(), mapping.privilege().name())
                    .execute();
        }
    }
}
