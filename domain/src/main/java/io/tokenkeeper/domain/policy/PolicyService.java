package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the token policy and the sign-in policy for everyone and lets administrators change them, with every change
 * audited.
 */
public final class PolicyService {

    static final String ADMINISTRATORS_ONLY = "Only administrators can change the token policy.";

    private final PolicyStore store;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public PolicyService(PolicyStore store, UserStore users, AuditLog audit, Transactions transactions, Clock clock) {
        this.store = store;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The policy in force, for the rules that apply it (quota, lifetime, trusted ranges). */
    public TokenPolicy current() {
        return store.load();
    }

    /** The scopes the New API Token dialog pre-selects and a token created without a choice gets. */
    public Set<Scope> defaultScopes() {
        return store.defaultScopes();
    }

    /**
     * Replaces the default scopes of new tokens. Administrators only; audited.
     *
     * @throws InvalidInputException for "defaultScopes": empty, malformed, or a scope no resource server defines
     */
    public Set<Scope> updateDefaultScopes(Actor actor, Collection<String> scopes) {
        var chosen = new TreeSet<Scope>();
        for (var text : scopes) {
            if (text != null && !text.isBlank()) {
                chosen.add(scopeOf(text));
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException(
                    "defaultScopes", "Choose at least one default scope, such as tokenkeeper:read.");
        }
        return transactions.inTransaction(() -> {
            access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var before = new TreeSet<>(store.defaultScopes());
            if (before.equals(chosen)) {
                return before;
            }
            store.saveDefaultScopes(chosen);
            audit.record(AuditEvent.policyChanged(
                    actor,
                    "Changed default scopes of new tokens " + words(before) + " → " + words(chosen),
                    clock.instant()));
            return chosen;
        });
    }

    private static Scope scopeOf(String text) {
        try {
            return Scope.of(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("defaultScopes", e.getMessage());
        }
    }

    private static String words(Set<Scope> scopes) {
        return scopes.isEmpty()
                ? "none"
                : String.join(" ", scopes.stream().map(Scope::value).toList());
    }

    /** The policy as an administrator reviews it; nobody else may read it. */
    public TokenPolicy read(Actor actor) {
        return transactions.inTransaction(() -> {
            access.requireAdministrator(actor, "Only administrators can see the token policy.");
            return store.load();
        });
    }

    /**
     * Replaces the policy. Administrators only.
     *
     * @param quota tokens per user, 1–100
     * @param maxLifetimeDays the longest lifetime of a new token, or {@code null} for none
     * @param trustedRanges addresses or CIDR ranges, one per entry; blank entries are ignored
     */
    public TokenPolicy update(
            Actor actor, @Nullable Integer quota, @Nullable Integer maxLifetimeDays, List<String> trustedRanges) {
        if (quota == null) {
            throw new InvalidInputException("quota", "Enter how many tokens each user may have (1 to 100).");
        }
        var ranges = new LinkedHashSet<IpRange>();
        for (String entry : trustedRanges) {
            if (!entry.isBlank()) {
                ranges.add(IpRange.parse("trustedRanges", entry));
            }
        }
        var policy = new TokenPolicy(new TokenQuota(quota), maxLifetimeDays, new ArrayList<>(ranges));
        return transactions.inTransaction(() -> {
            access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var before = store.load();
            if (before.equals(policy)) {
                return before;
            }
            store.save(policy);
            audit.record(AuditEvent.policyChanged(actor, changes(before, policy), clock.instant()));
            return policy;
        });
    }

    /** The sign-in policy in force: group mappings and who may sign in with a password. */
    public SignInPolicy signInPolicy() {
        return store.loadSignInPolicy();
    }

    /**
     * Replaces the sign-in policy. Administrators only.
     *
     * @param groups for each privilege, the identity-provider groups that grant it, one per entry; blank entries and
     *     repeats (ignoring case) are dropped
     * @param passwordSignInAdministratorsOnly whether the sign-in form takes only administrators' passwords
     * @throws InvalidInputException naming {@link SignInPolicy#groupsField(Privilege)} for a bad group name
     */
    public SignInPolicy updateSignInPolicy(
            Actor actor, Map<Privilege, List<String>> groups, boolean passwordSignInAdministratorsOnly) {
        var mappings = new ArrayList<GroupMapping>();
        for (var privilege : Privilege.values()) {
            var seen = new HashSet<String>();
            for (var group : groups.getOrDefault(privilege, List.of())) {
                if (group != null && !group.isBlank()) {
                    var mapping = GroupMapping.of(SignInPolicy.groupsField(privilege), group, privilege);
                    if (seen.add(mapping.key())) {
                        mappings.add(mapping);
                    }
                }
            }
        }
        var policy = new SignInPolicy(mappings, passwordSignInAdministratorsOnly);
        return transactions.inTransaction(() -> {
            access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var before = store.loadSignInPolicy();
            if (before.equals(policy)) {
                return before;
            }
            store.saveSignInPolicy(policy);
            audit.record(AuditEvent.policyChanged(actor, changes(before, policy), clock.instant()));
            return policy;
        });
    }

    private static String changes(SignInPolicy before, SignInPolicy after) {
        var changes = new ArrayList<String>();
        for (var privilege : Privilege.values()) {
            var was = before.groupsFor(privilege);
            var is = after.groupsFor(privilege);
            if (!was.equals(is)) {
                changes.add("groups granting " + privilege.label() + " " + groupList(was) + " → " + groupList(is));
            }
        }
        if (before.passwordSignInAdministratorsOnly() != after.passwordSignInAdministratorsOnly()) {
            changes.add("password sign-in " + passwordSignIn(before) + " → " + passwordSignIn(after));
        }
        return "Changed " + String.join("; ", changes);
    }

    private static String groupList(List<String> groups) {
        return groups.isEmpty() ? "none" : String.join(", ", groups);
    }

    private static String passwordSignIn(SignInPolicy policy) {
        return policy.passwordSignInAdministratorsOnly() ? "administrators only" : "everyone";
    }

    private static String changes(TokenPolicy before, TokenPolicy after) {
        var changes = new ArrayList<String>();
        if (before.quota().max() != after.quota().max()) {
            changes.add("tokens per user " + before.quota().max() + " → "
                    + after.quota().max());
        }
        if (!Objects.equals(before.maxLifetimeDays(), after.maxLifetimeDays())) {
            changes.add("maximum lifetime " + days(before.maxLifetimeDays()) + " → " + days(after.maxLifetimeDays()));
        }
        if (!before.trustedRanges().equals(after.trustedRanges())) {
            changes.add("trusted IP ranges " + ranges(before) + " → " + ranges(after));
        }
        return "Changed " + String.join("; ", changes);
    }

    private static String days(@Nullable Integer days) {
        return days == null ? "none" : days + " days";
    }

    private static String ranges(TokenPolicy policy) {
        return policy.trustedRanges().isEmpty()
                ? "any"
                : String.join(
                        ", ",
                        policy.trustedRanges().stream().map(IpRange::toString).toList());
    }
}
