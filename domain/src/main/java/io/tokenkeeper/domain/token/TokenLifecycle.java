package io.tokenkeeper.domain.token;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A token's life after its creation: a new value with an overlap in which the old one keeps working (regenerate), and
 * a new expiry within the policy (extend). Decides like {@link TokenService}: the owner with API Access, or an
 * administrator on anyone's token; for anyone else the token does not exist. A regenerated token keeps its id, name,
 * scopes and settings and needs no free place under the quota. Every change is audited; the new value leaves only in
 * {@link GeneratedToken}.
 */
public final class TokenLifecycle {

    static final String EXPIRED_CANNOT_KEEP = "This token has expired: choose a fresh expiry.";
    static final String NEEDS_EXPIRY = "Choose an expiry date: tokens may not live longer than the policy allows.";

    /** The last expiry every supported database can store. */
    private final TokenStore tokens;

    private final TokenLifecycleStore lifecycle;
    private final UserStore users;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random;
    private final LifetimePolicy lifetimes;
    private final TokenChanges changes;

    /** @param changes told, inside the transaction, about every token whose value or expiry changes */
    public TokenLifecycle(
            TokenStore tokens,
            TokenLifecycleStore lifecycle,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            LifetimePolicy lifetimes,
            TokenChanges changes) {
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.users = users;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
        this.lifetimes = lifetimes;
        this.changes = changes;
    }

    /**
     * Issues a new value for the token. Its old value keeps working for the {@code overlap}; the expiry is fresh from
     * the policy or kept.
     *
     * @throws InvalidInputException for "expiry" when an expired token should keep its expiry
     */
    public GeneratedToken regenerate(Actor actor, TokenId id, Overlap overlap, ExpiryChoice expiry) {
        return transactions.inTransaction(() -> {
            var target = target(actor, id);
            var token = target.token();
            var now = now();
            var expiresAt =
                    switch (expiry) {
                        case KEEP -> kept(token, now);
                        case FRESH -> fresh(token, now);
                    };
            var secret = TokenSecret.generate(random);
            var regenerated = lifecycle.replaceValue(
                    id,
                    secret.digest(),
                    secret.hint(),
                    expiresAt,
                    now,
                    overlap.oldValueRetiresAt(now),
                    overlap == Overlap.UNTIL_FIRST_USE);
            changes.tokenChanged(id);
            var details =
                    "Regenerated " + described(token) + " as " + secret.hint().value() + "; "
                            + oldValueFate(regenerated.rotation()) + "; "
                            + expiryText(regenerated.token().expiresAt())
                            + onBehalf(target);
            record(actor, AuditAction.TOKEN_REGENERATED, regenerated.token(), details, now);
            return new GeneratedToken(regenerated.token(), secret);
        });
    }

    /**
     * Moves the token's expiry, keeping its value: to any future instant no later than the policy's maximum lifetime
     * from now, or to never when the policy sets no maximum.
     *
     * @throws InvalidInputException for "expiresAt"
     */
    public Token changeExpiry(Actor actor, TokenId id, @Nullable Instant expiresAt) {
        return transactions.inTransaction(() -> {
            var target = target(actor, id);
            var now = now();
            var expiry = withinLifetime(Expiries.requireFuture(expiresAt, now), now);
            var token = target.token();
            if (Objects.equals(token.expiresAt(), expiry)) {
                return token;
            }
            var changed = lifecycle.changeExpiry(id, expiry);
            changes.tokenChanged(id);
            var details = "Moved the expiry of " + described(token) + " from "
                    + (token.expiresAt() == null ? "never" : token.expiresAt().toString()) + " to "
                    + (expiry == null ? "never" : expiry.toString()) + onBehalf(target);
            record(actor, AuditAction.TOKEN_EXPIRY_CHANGED, changed, details, now);
            return changed;
        });
    }

    /** The token's rotation while its old value still works, for its owner or an administrator. */
    public Optional<Rotation> ongoingRotation(Actor actor, TokenId id) {
        var target = target(actor, id);
        var now = clock.instant();
        return lifecycle.rotation(target.token().id()).filter(rotation -> rotation.oldValueWorksAt(now));
    }

    /** The rotations of the actor's own tokens whose old values still work, by token. */
    public Map<TokenId, Rotation> ongoingRotations(Actor actor) {
        var user = access.requireAdministratorOrApiAccess(actor, TokenService.NO_API_ACCESS);
        return lifecycle.ongoingRotations(user.id(), clock.instant()).stream()
                .collect(Collectors.toMap(Rotation::token, Function.identity()));
    }

    /**
     * The new value of a token whose overlap lasts until that first use authenticated a request: its old value stops
     * now. Once across all nodes, audited on behalf of the owner; nothing happens when the overlap ended already.
     *
     * @return whether this call ended the overlap
     */
    public boolean newValueFirstUsed(TokenId id) {
        return transactions.inTransaction(() -> {
            var now = now();
            if (!lifecycle.retireOnFirstUse(id, now)) {
                return false;
            }
            changes.tokenChanged(id);
            var token = tokens.find(id).orElseThrow(() -> new NotFoundException(TokenService.NOT_FOUND));
            users.findById(token.ownerId())
                    .ifPresent(owner -> record(
                            new Actor(owner, null),
                            AuditAction.TOKEN_OLD_VALUE_RETIRED,
                            token,
                            "The old value of " + described(token) + " stopped working: the new value was used",
                            now));
            return true;
        });
    }

    private @Nullable Instant kept(Token token, Instant now) {
        var expiresAt = token.expiresAt();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            throw new InvalidInputException("expiry", EXPIRED_CANNOT_KEEP);
        }
        return expiresAt;
    }

    private @Nullable Instant fresh(Token token, Instant now) {
        var longest = lifetimes.maxLifetime();
        if (longest != null) {
            return Expiries.latest(longest, now);
        }
        var expiresAt = token.expiresAt();
        if (expiresAt == null) {
            return null;
        }
        var lived = Duration.between(token.createdAt(), expiresAt);
        var fresh = now.plus(lived);
        return fresh.isAfter(Expiries.LATEST) ? Expiries.LATEST : fresh;
    }

    /** Within the policy's longest lifetime; with one, an extension must name a date. */
    private @Nullable Instant withinLifetime(@Nullable Instant expiry, Instant now) {
        var longest = lifetimes.maxLifetime();
        if (longest == null) {
            return expiry;
        }
        if (expiry == null) {
            throw new InvalidInputException("expiresAt", NEEDS_EXPIRY);
        }
        return Expiries.requireWithin(expiry, longest, now);
    }

    /** The token the actor may change: their own with API Access, or anyone's as an administrator. */
    private Target target(Actor actor, TokenId id) {
        var user = access.requireAdministratorOrApiAccess(actor, TokenService.NO_API_ACCESS);
        var token = tokens.find(id)
                .filter(found -> !found.isRevoked())
                .filter(found -> found.isOwnedBy(user.id()) || user.isAdministrator())
                .orElseThrow(() -> new NotFoundException(TokenService.NOT_FOUND));
        return new Target(user, token);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Actor actor, AuditAction action, Token token, String details, Instant at) {
        audit.record(AuditEvent.onToken(
                actor, action, token.id().value(), token.name().value(), details, at));
    }

    private static String oldValueFate(@Nullable Rotation rotation) {
        if (rotation == null) {
            return "the old value stopped at once";
        }
        return rotation.untilFirstUse()
                ? "the old value works until the new one is first used, at most until " + rotation.oldValueRetiresAt()
                : "the old value works until " + rotation.oldValueRetiresAt();
    }

    private static String expiryText(@Nullable Instant expiresAt) {
        return expiresAt == null ? "never expires" : "expires " + expiresAt;
    }

    private static String described(Token token) {
        return "\u201C" + token.name().value() + "\u201D (" + token.hint().value() + ")";
    }

    private String onBehalf(Target target) {
        if (target.token().isOwnedBy(target.actor().id())) {
            return "";
        }
        var owner = target.token().ownerId();
        var ownerName =
                users.findById(owner).map(user -> user.username().value()).orElse("user " + owner.value());
        return " by an administrator (owner: " + ownerName + ")";
    }

    private record Target(User actor, Token token) {}
}
