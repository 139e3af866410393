package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.identity.IdentityClaims;
import io.tokenkeeper.domain.identity.IdentityLink;
import io.tokenkeeper.domain.identity.IdentityLinks;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.AccountChanges;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in through the company's identity provider, once the OpenID Connect client has checked the provider's answer
 * (signature, issuer, audience, nonce, state). Finds the account the person signed in to before (by the provider's
 * issuer and subject), or links the account SCIM created for their username, or a local account an administrator
 * allowed to be linked, or creates one. Then brings its display name, email and privileges in line with the
 * provider's claims and the policy's group mappings. A local account is never taken over without an administrator's
 * permission; a disabled account stays out. Every change and every refusal is audited.
 */
public final class SingleSignOn {

    static final String ADMINISTRATORS_ONLY = "Only administrators can allow single sign-on links.";

    private final UserStore users;
    private final IdentityLinks links;
    private final PolicyService policies;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final AccountWrites writes;

    public SingleSignOn(
            UserStore users,
            IdentityLinks links,
            PolicyService policies,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            AccountChanges accountChanges) {
        this.users = users;
        this.links = links;
        this.policies = policies;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.writes = new AccountWrites(users, accountChanges);
    }

    /**
     * Signs the person the provider vouched for in to their account.
     *
     * @param provider the provider's name, as the audit trail shows it ("Okta")
     * @return the account as stored after the sign-in's changes
     * @throws SignInRefused when the account must not be signed in to; the refusal is audited
     */
    public User signIn(IdentityClaims claims, String provider, @Nullable String clientAddress) {
        Outcome outcome;
        try {
            outcome = transactions.inTransaction(() -> signInOnce(claims, provider, clientAddress));
        } catch (ConflictException anotherSignInCreatedItFirst) {
            outcome = transactions.inTransaction(() -> signInOnce(claims, provider, clientAddress));
        }
        if (outcome.refusal() != null) {
            var refusal = outcome.refusal();
            audit.record(AuditEvent.singleSignOnFailed(
                    outcome.account(),
                    "Through " + provider + ": " + refusal.getMessage(),
                    clientAddress,
                    clock.instant()));
            throw refusal;
        }
        return Objects.requireNonNull(outcome.account());
    }

    private Outcome signInOnce(IdentityClaims claims, String provider, @Nullable String clientAddress) {
        var now = clock.instant();
        var signedInBefore = links.findBySubject(claims.subject()).flatMap(link -> users.findById(link.user()));
        User account;
        if (signedInBefore.isPresent()) {
            account = signedInBefore.get();
        } else {
            Username username;
            try {
                username = Username.of(claims.username());
            } catch (InvalidInputException unusable) {
                return Outcome.refused(
                        null,
                        new SignInRefused(
                                SignInRefused.Reason.NO_USERNAME,
                                "The identity provider sent no username Tokenkeeper can use. " + Username.RULE));
            }
            var existing = users.findByUsername(username.value());
            if (existing.isEmpty()) {
                account = create(username, claims, provider, clientAddress, now);
            } else {
                var linked = link(existing.get(), claims, provider, clientAddress, now);
                if (linked.refusal() != null) {
                    return linked;
                }
                account = Objects.requireNonNull(linked.account());
            }
        }
        if (!account.enabled()) {
            return Outcome.refused(
                    account, new SignInRefused(SignInRefused.Reason.DISABLED, account.username() + " is disabled."));
        }
        account = updateProfile(account, claims, provider, clientAddress, now);
        account = applyGroups(account, claims.groups(), provider, clientAddress, now);
        return Outcome.signedIn(account);
    }

    private User create(
            Username username, IdentityClaims claims, String provider, @Nullable String clientAddress, Instant now) {
        var privileges = policies.signInPolicy().privilegesFor(claims.groups(), Set.of());
        var created = users.create(
                new NewUser(
                        username,
                        displayName(claims).orElse(DisplayName.of(username.value())),
                        email(claims).orElse(null),
                        null,
                        privileges),
                now);
        links.save(IdentityLink.linked(created.id(), claims.subject(), null), now);
        record(
                AuditAction.USER_CREATED,
                created,
                "Created at the first sign-in through " + provider + " with " + UserAdministration.describe(privileges),
                clientAddress,
                now);
        return created;
    }

    /** The account already exists under the claimed username: link it only if it may be. */
    private Outcome link(
            User existing, IdentityClaims claims, String provider, @Nullable String clientAddress, Instant now) {
        var link = links.find(existing.id()).orElse(null);
        if (link == null) {
            return Outcome.refused(
                    existing,
                    new SignInRefused(
                            SignInRefused.Reason.LOCAL_ACCOUNT,
                            "An account named " + existing.username() + " already exists here and is not linked to "
                                    + provider + ". An administrator must allow linking it first."));
        }
        if (link.isLinked() && link.subject() != null) {
            return Outcome.refused(
                    existing,
                    new SignInRefused(
                            SignInRefused.Reason.LINKED_TO_ANOTHER_PERSON,
                            "The account " + existing.username() + " belongs to another person at " + provider + "."));
        }
        if (link.isLinked()) {
            links.save(link.withSubject(claims.subject()), now);
            record(
                    AuditAction.IDENTITY_LINKED,
                    existing,
                    "First sign-in through " + provider + " to the account provisioned for it",
                    clientAddress,
                    now);
        } else {
            users.removePassword(existing.id(), now);
            links.save(IdentityLink.linked(existing.id(), claims.subject(), null), now);
            record(
                    AuditAction.IDENTITY_LINKED,
                    existing,
                    "Linked the local account to its owner at " + provider
                            + " as an administrator allowed; its password was removed",
                    clientAddress,
                    now);
        }
        return Outcome.signedIn(existing);
    }

    private User updateProfile(
            User account, IdentityClaims claims, String provider, @Nullable String clientAddress, Instant now) {
        var name = displayName(claims).orElse(account.displayName());
        var address = email(claims).orElse(account.email());
        if (name.equals(account.displayName()) && Objects.equals(address, account.email())) {
            return account;
        }
        var changes = !name.equals(account.displayName()) && !Objects.equals(address, account.email())
                ? "display name and email"
                : name.equals(account.displayName()) ? "email" : "display name";
        var updated = users.updateProfile(account.id(), name, address, now);
        record(AuditAction.USER_CHANGED, updated, "Took the " + changes + " from " + provider, clientAddress, now);
        return updated;
    }

    private User applyGroups(
            User account, List<String> groups, String provider, @Nullable String clientAddress, Instant now) {
        var privileges = policies.signInPolicy().privilegesFor(groups, account.privileges());
        if (privileges.equals(account.privileges())) {
            return account;
        }
        if (account.isAdministrator() && !privileges.contains(Privilege.ADMINISTRATOR)) {
            writes.lockAdministrators();
            if (writes.isLastAdministrator(account)) {
                var keepingAdministrator = EnumSet.of(Privilege.ADMINISTRATOR);
                keepingAdministrator.addAll(privileges);
                privileges = keepingAdministrator;
                record(
                        AuditAction.PRIVILEGES_CHANGED,
                        account,
                        "Kept Administrator although no group at " + provider
                                + " grants it: the account is the last enabled administrator",
                        clientAddress,
                        now);
            }
        }
        var after = writes.setPrivileges(account, privileges, now);
        if (after != account) {
            record(
                    AuditAction.PRIVILEGES_CHANGED,
                    after,
                    "Privileges from the groups at " + provider + ": "
                            + UserAdministration.describe(account.privileges()) + " → "
                            + UserAdministration.describe(after.privileges()),
                    clientAddress,
                    now);
        }
        return after;
    }

    /**
     * Lets the local account named {@code username} be linked to the identity provider: at its owner's next sign-in
     * through the provider with that username (or when SCIM creates that username), it becomes theirs and loses its
     * password.
     *
     * @throws InvalidInputException for "username": no such account, or already linked
     */
    public User allowLinking(Actor actor, @Nullable String username) {
        return transactions.inTransaction(() -> {
            access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var account = users.findByUsername(Username.of(username).value())
                    .orElseThrow(
                            () -> new InvalidInputException("username", "There is no account named " + username + "."));
            var link = links.find(account.id());
            if (link.isPresent()) {
                throw new InvalidInputException(
                        "username",
                        link.get().isLinked()
                                ? account.username() + " is linked to the identity provider already."
                                : account.username() + " may be linked already.");
            }
            var now = clock.instant();
            links.save(IdentityLink.allowed(account.id()), now);
            audit.record(AuditEvent.onUser(
                    actor,
                    AuditAction.IDENTITY_LINK_ALLOWED,
                    account,
                    "Allowed the identity provider to take over the local account at its owner's next sign-in",
                    now));
            return account;
        });
    }

    /** Takes back the permission to link a local account that is not linked yet; nothing when there is none. */
    public void withdrawLinking(Actor actor, UserId id) {
        transactions.run(() -> {
            access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
            var link = links.find(id).filter(found -> !found.isLinked());
            var account = users.findById(id);
            if (link.isEmpty() || account.isEmpty()) {
                return;
            }
            links.remove(id);
            audit.record(AuditEvent.onUser(
                    actor,
                    AuditAction.IDENTITY_LINK_WITHDRAWN,
                    account.get(),
                    "The account stays local",
                    clock.instant()));
        });
    }

    /** The local accounts that may be linked and are not yet. Administrators only. */
    public List<User> accountsAllowedToLink(Actor actor) {
        access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
        return links.allowedToLink();
    }

    private void record(AuditAction action, User target, String details, @Nullable String clientAddress, Instant now) {
        audit.record(AuditEvent.byIdentityProvider(
                AuditEvent.IDENTITY_PROVIDER, action, target, details, clientAddress, now));
    }

    private static Optional<DisplayName> displayName(IdentityClaims claims) {
        try {
            return claims.displayName() == null || claims.displayName().isBlank()
                    ? Optional.empty()
                    : Optional.of(DisplayName.of(claims.displayName()));
        } catch (InvalidInputException unusable) {
            return Optional.empty();
        }
    }

    private static Optional<EmailAddress> email(IdentityClaims claims) {
        try {
            return EmailAddress.optional(claims.email());
        } catch (InvalidInputException unusable) {
            return Optional.empty();
        }
    }

    /** What a sign-in came to: the account, and the refusal when there is one. */
    private record Outcome(@Nullable User account, @Nullable SignInRefused refusal) {

        static Outcome signedIn(User account) {
            return new Outcome(account, null);
        }

        static Outcome refused(@Nullable User account, SignInRefused refusal) {
            return new Outcome(account, refusal);
        }
    }
}
