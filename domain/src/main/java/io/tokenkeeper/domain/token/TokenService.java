package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The one way to create and change single API tokens. Every method reads the acting user afresh and decides itself: managing one's
 * own tokens takes an enabled account with API Access; another user's token may be changed by an administrator
 * only, and for anyone else it does not exist, exactly like an unknown id. A revoked token does not exist for any
 * change. Every change is written to the audit trail; the plain value leaves only in {@link GeneratedToken}.
 */
public final class TokenService {

    static final String NO_API_ACCESS = "You need the API Access privilege to manage API tokens.";
    static final String NOT_FOUND = "This token does not exist.";
    static final String DUPLICATE_NAME = "You already have a token with this name.";
    static final String NO_SCOPES = "Choose at least one scope: a token without one could do nothing.";
    public static final int MAX_ALLOWED_RANGES = 25;

    /** The last expiry every supported database can store. */
    static final String FROZEN =
            "An administrator has frozen your tokens, so this one stays disabled until they unfreeze them.";

    private final TokenStore tokens;
    private final UserStore users;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random;
    private final QuotaPolicy quotas;
    private final TokenChanges changes;
    private final LifetimePolicy lifetimes;
    private final TokenFreezes freezes;
    private final ScopeCatalogue scopeCatalogue;

    /**
     * @param quotas how many tokens each owner may hold
     * @param lifetimes the longest a new token may live; a token created without an expiry then gets the longest
     * @param freezes which owners' tokens an administrator froze: their owners cannot switch them back on
     * @param changes told, inside the transaction, about every token this service renames, switches or revokes
     * @param scopeCatalogue which scopes new tokens may hold, and the defaults
     */
    public TokenService(
            TokenStore tokens,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            QuotaPolicy quotas,
            LifetimePolicy lifetimes,
            TokenFreezes freezes,
            TokenChanges changes,
            ScopeCatalogue scopeCatalogue) {
        this.freezes = freezes;
        this.scopeCatalogue = scopeCatalogue;
        this.tokens = tokens;
        this.lifetimes = lifetimes;
        this.users = users;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
        this.quotas = quotas;
        this.changes = changes;
    }

    /** The actor's tokens that are not revoked (enabled, disabled or expired), newest first. */
    public List<Token> listOwn(Actor actor) {
        return tokens.listActive(requireApiAccess(actor).id());
    }

    /** The actor's tokens that an administrator's freeze holds disabled: the actor cannot switch them on. */
    public Set<TokenId> frozen(Actor actor) {
        return freezes.heldByFreeze(requireApiAccess(actor).id());
    }

    public QuotaUsage quota(Actor actor) {
        var owner = requireApiAccess(actor).id();
        return new QuotaUsage(tokens.countActive(owner), quotas.quotaFor(owner));
    }

    /** The scopes the actor may give a new token, and the policy's defaults among them. */
    public ScopeChoices scopeChoices(Actor actor) {
        return transactions.inTransaction(() -> {
            requireApiAccess(actor);
            var groups = scopeCatalogue.groups();
            var available = new TreeSet<Scope>();
            groups.forEach(group -> group.scopes().forEach(definition -> available.add(definition.scope())));
            var defaults = new TreeSet<>(scopeCatalogue.defaults());
            defaults.retainAll(available);
            return new ScopeChoices(groups, defaults);
        });
    }

    /**
     * Creates a token for the actor. Creations for one owner take turns, so the quota and the name rule hold even
     * under concurrent requests.
     *
     * @param expiresAt when the token stops working, or {@code null} for never
     * @throws ConflictException when the actor's quota is used up
     * @throws InvalidInputException for "name" or "expiresAt"
     */
    public GeneratedToken generate(Actor actor, @Nullable String name, @Nullable Instant expiresAt) {
        return generate(actor, TokenRequest.named(name, expiresAt));
    }

    /**
     * Creates a token with the scopes and allowed addresses asked for (the policy's default scopes when none were
     * chosen). Creations for one owner take turns, so the quota and the name rule hold even under concurrent
     * requests.
     *
     * @throws ConflictException when the actor's quota is used up
     * @throws InvalidInputException for "name", "expiresAt", "scopes" or "allowedAddresses"
     */
    public GeneratedToken generate(Actor actor, TokenRequest request) {
        var allowedRanges = allowedRanges(request.allowedAddresses());
        return transactions.inTransaction(() -> {
            var owner = requireApiAccess(actor);
            var tokenName = TokenName.of(request.name());
            var scopes = chosenScopes(request.scopes());
            var now = now();
            var expiry = withinLifetime(Expiries.requireFuture(request.expiresAt(), now), now);
            tokens.lockOwner(owner.id());
            var active = tokens.listActive(owner.id());
            var quota = quotas.quotaFor(owner.id());
            if (!quota.allowsAnother(active.size())) {
                throw new ConflictException(quota.limitMessage());
            }
            requireUnused(tokenName, active, null);
            var secret = TokenSecret.generate(random);
            var token = tokens.insert(new NewToken(
                    owner.id(), tokenName, secret.digest(), secret.hint(), now, expiry, scopes, allowedRanges));
            var details = actor.viaToken() == null
                    ? created(token)
                    : created(token) + "; made with the API token " + actor.viaToken()
                            + (actor.clientAddress() == null ? "" : " from " + actor.clientAddress());
            record(actor, AuditAction.TOKEN_CREATED, token, details, now);
            return new GeneratedToken(token, secret);
        });
    }

    /** Gives a token another name; its value stays the same. */
    public Token rename(Actor actor, TokenId id, @Nullable String newName) {
        return transactions.inTransaction(() -> {
            var target = target(actor, id);
            var name = TokenName.of(newName);
            var token = target.token();
            if (token.name().equals(name)) {
                return token;
            }
            requireUnused(name, tokens.listActive(token.ownerId()), token.id());
            var renamed = tokens.rename(id, name);
            changes.tokenChanged(id);
            var details = "Renamed " + quoted(token.name()) + " to " + quoted(name) + onBehalf(target);
            record(actor, AuditAction.TOKEN_RENAMED, renamed, details, now());
            return renamed;
        });
    }

    /** Stops the token from working until it is enabled again. */
    public Token disable(Actor actor, TokenId id) {
        return setEnabled(actor, id, false);
    }

    public Token enable(Actor actor, TokenId id) {
        return setEnabled(actor, id, true);
    }

    /** Stops the token for good and removes it from its owner's list; the row stays for the audit trail. */
    public Token revoke(Actor actor, TokenId id) {
        return transactions.inTransaction(() -> {
            var target = target(actor, id);
            var now = now();
            var revoked = tokens.revoke(id, target.actor().id(), now);
            changes.tokenChanged(id);
            var details = "Revoked " + described(revoked) + onBehalf(target);
            record(actor, AuditAction.TOKEN_REVOKED, revoked, details, now);
            return revoked;
        });
    }

    private Token setEnabled(Actor actor, TokenId id, boolean enabled) {
        return transactions.inTransaction(() -> {
            var target = target(actor, id);
            if (target.token().enabled() == enabled) {
                return target.token();
            }
            if (enabled
                    && !target.actor().isAdministrator()
                    && freezes.isFrozen(target.token().ownerId())) {
                throw new ConflictException(FROZEN);
            }
            var changed = tokens.setEnabled(id, enabled);
            changes.tokenChanged(id);
            var action = enabled ? AuditAction.TOKEN_ENABLED : AuditAction.TOKEN_DISABLED;
            var details = (enabled ? "Enabled " : "Disabled ") + described(changed) + onBehalf(target);
            record(actor, action, changed, details, now());
            return changed;
        });
    }

    private User requireApiAccess(Actor actor) {
        return access.requireApiAccess(actor, NO_API_ACCESS);
    }

    /** The token the actor may change: their own with API Access, or anyone's as an administrator. */
    private Target target(Actor actor, TokenId id) {
        var user = access.requireAdministratorOrApiAccess(actor, NO_API_ACCESS);
        var token = tokens.find(id)
                .filter(found -> !found.isRevoked())
                .filter(found -> found.isOwnedBy(user.id()) || user.isAdministrator())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return new Target(user, token);
    }

    /** Within the policy's longest lifetime; no expiry chosen means the longest one when the policy has one. */
    private @Nullable Instant withinLifetime(@Nullable Instant expiry, Instant now) {
        var longest = lifetimes.maxLifetime();
        if (longest == null) {
            return expiry;
        }
        return expiry == null ? Expiries.latest(longest, now) : Expiries.requireWithin(expiry, longest, now);
    }

    /** Checks names against the active tokens first for a clear message; the store's unique index is the backstop. */
    private static void requireUnused(TokenName name, List<Token> active, @Nullable TokenId except) {
        var key = name.key();
        boolean taken = active.stream()
                .anyMatch(token ->
                        !token.id().equals(except) && token.name().key().equals(key));
        if (taken) {
            throw new InvalidInputException(TokenName.FIELD, DUPLICATE_NAME);
        }
    }

    /** Time as the database keeps it (microseconds), so that returned tokens equal stored ones. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Actor actor, AuditAction action, Token token, String details, Instant at) {
        audit.record(AuditEvent.onToken(
                actor, action, token.id().value(), token.name().value(), details, at));
    }

    private static String created(Token token) {
        var expiry = token.expiresAt() == null ? "never expires" : "expires " + token.expiresAt();
        var scopes = token.scopes().stream().map(Scope::value).sorted().toList();
        var where = token.allowedRanges().isEmpty()
                ? ""
                : ", only from "
                        + String.join(
                                ", ",
                                token.allowedRanges().stream()
                                        .map(IpRange::toString)
                                        .toList());
        return "Created " + described(token) + ", " + expiry + ", scopes " + String.join(" ", scopes) + where;
    }

    /** The scopes asked for, each defined by an enabled resource server; the policy's defaults when none. */
    private Set<Scope> chosenScopes(@Nullable Collection<String> asked) {
        var available = scopeCatalogue.available();
        if (asked == null) {
            var defaults = new TreeSet<>(scopeCatalogue.defaults());
            defaults.retainAll(available);
            if (defaults.isEmpty()) {
                throw new InvalidInputException("scopes", NO_SCOPES);
            }
            return defaults;
        }
        var chosen = new TreeSet<Scope>();
        for (var text : asked) {
            if (text == null || text.isBlank()) {
                continue;
            }
            var scope = Scope.of(text);
            if (!available.contains(scope)) {
                throw new InvalidInputException(
                        "scopes", "There is no scope " + scope + " (or its resource server is disabled).");
            }
            chosen.add(scope);
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException("scopes", NO_SCOPES);
        }
        return chosen;
    }

    private static List<IpRange> allowedRanges(Collection<String> entries) {
        var ranges = new LinkedHashSet<IpRange>();
        for (var entry : entries) {
            if (entry != null && !entry.isBlank()) {
                ranges.add(IpRange.parse("allowedAddresses", entry));
            }
        }
        if (ranges.size() > MAX_ALLOWED_RANGES) {
            throw new InvalidInputException(
                    "allowedAddresses", "A token allows at most " + MAX_ALLOWED_RANGES + " addresses or ranges.");
        }
        return List.copyOf(ranges);
    }

    /** Name and hint, e.g. “CI deploy” (tkp_Ab12…wxyz); never the value or the digest. */
    private static String described(Token token) {
        return quoted(token.name()) + " (" + token.hint().value() + ")";
    }

    private static String quoted(TokenName name) {
        return "\u201C" + name.value() + "\u201D";
    }

    /** Says so when an administrator acted on someone else's token, and whose it is. */
    private String onBehalf(Target target) {
        var owner = target.token().ownerId();
        if (target.token().isOwnedBy(target.actor().id())) {
            return "";
        }
        var ownerName =
                users.findById(owner).map(user -> user.username().value()).orElse("user " + owner.value());
        return " by an administrator (owner: " + ownerName + ")";
    }

    private record Target(User actor, Token token) {}
}
