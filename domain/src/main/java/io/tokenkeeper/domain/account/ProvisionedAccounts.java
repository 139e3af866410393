package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.TokenShape;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.identity.IdentityLink;
import io.tokenkeeper.domain.identity.IdentityLinks;
import io.tokenkeeper.domain.identity.LinkedAccount;
import io.tokenkeeper.domain.user.AccountChanges;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the identity provider's provisioning (SCIM) does to accounts: create them (without a password: they sign in
 * through the provider), change them, deactivate and reactivate them, and deprovision them. It sees only the accounts
 * the provider owns; a local account becomes one only when an administrator allowed it. Deactivating or deprovisioning
 * disables the account the way Administration › Users does, so its API tokens stop on every node at once;
 * reactivating restores the account, not tokens that were revoked. The last enabled administrator stays enabled.
 * Every change is audited in the provisioner's name.
 */
public final class ProvisionedAccounts {

    /** The most accounts one search returns; a larger limit is cut to this. */
    public static final int MAX_PAGE_SIZE = 200;

    static final String NO_SUCH_ACCOUNT = "No provisioned account has this id.";

    private final UserStore users;
    private final IdentityLinks links;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final AccountWrites writes;

    public ProvisionedAccounts(
            UserStore users,
            IdentityLinks links,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            AccountChanges accountChanges) {
        this.users = users;
        this.links = links;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.writes = new AccountWrites(users, accountChanges);
    }

    /**
     * Who provisions, for the audit trail.
     *
     * @param name as the Audit Log shows the actor, for example "SCIM: Okta"
     */
    public record Provisioner(String name, @Nullable String clientAddress) {}

    /** @throws NotFoundException unless the account exists and the provider owns it */
    public LinkedAccount find(UserId id) {
        return links.findLinked(id).orElseThrow(() -> new NotFoundException(NO_SUCH_ACCOUNT));
    }

    /** One page of the provider's accounts, ordered by id, narrowed by username (ignoring case) or external id. */
    public List<LinkedAccount> search(@Nullable String username, @Nullable String externalId, int offset, int limit) {
        return links.searchLinked(username, externalId, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE_SIZE));
    }

    public long count(@Nullable String username, @Nullable String externalId) {
        return links.countLinked(username, externalId);
    }

    /**
     * Creates the account, or takes over the local account of that username when an administrator allowed it (it
     * loses its password).
     *
     * @throws InvalidInputException for "userName", "displayName", "emails" or "externalId"
     * @throws ConflictException when the username is taken by an account the provider may not take over
     */
    public LinkedAccount create(Provisioner by, ProvisionedProfile profile) {
        var wanted = Checked.of(profile);
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            var existing = users.findByUsername(wanted.username.value());
            if (existing.isPresent()) {
                var allowed = links.find(existing.get().id()).filter(link -> !link.isLinked());
                if (allowed.isEmpty()) {
                    throw new ConflictException("The userName " + wanted.username + " is already taken.");
                }
                var account = existing.get();
                users.removePassword(account.id(), now);
                links.save(IdentityLink.linked(account.id(), null, wanted.externalId), now);
                record(
                        by,
                        AuditAction.IDENTITY_LINKED,
                        account,
                        "Took over the local account as an administrator allowed; its password was removed",
                        now);
                return apply(
                        by, new LinkedAccount(account, links.find(account.id()).orElseThrow()), wanted, now);
            }
            var created =
                    users.create(new NewUser(wanted.username, wanted.displayName, wanted.email, null, Set.of()), now);
            links.save(IdentityLink.linked(created.id(), null, wanted.externalId), now);
            record(by, AuditAction.USER_CREATED, created, "Provisioned by the identity provider", now);
            var account = new LinkedAccount(created, links.find(created.id()).orElseThrow());
            return wanted.active ? account : apply(by, account, wanted, now);
        });
    }

    /**
     * Makes the account what {@code profile} says: username, display name, email, external id and whether it is
     * active.
     *
     * @throws NotFoundException unless the provider owns the account
     * @throws ConflictException when the new username is taken, or deactivating would leave no enabled administrator
     */
    public LinkedAccount replace(Provisioner by, UserId id, ProvisionedProfile profile) {
        var wanted = Checked.of(profile);
        return transactions.inTransaction(() -> apply(by, find(id), wanted, clock.instant()));
    }

    /**
     * Activates or deactivates the account; a deactivated account cannot sign in and its tokens stop at once.
     *
     * @throws NotFoundException unless the provider owns the account
     * @throws ConflictException when deactivating would leave no enabled administrator
     */
    public LinkedAccount setActive(Provisioner by, UserId id, boolean active) {
        return transactions.inTransaction(() -> {
            var account = find(id);
            var after = setEnabled(by, account.user(), active, clock.instant());
            return new LinkedAccount(after, account.link());
        });
    }

    /**
     * Deprovisions the account: disables it (its tokens stop at once) and lets go of it, so that the provider no longer
     * sees it. The account stays, disabled, for the audit trail.
     *
     * @throws NotFoundException unless the provider owns the account
     * @throws ConflictException when it would leave no enabled administrator
     */
    public void delete(Provisioner by, UserId id) {
        transactions.run(() -> {
            var account = find(id);
            var now = clock.instant();
            var user = account.user();
            if (user.enabled()) {
                writes.lockAdministrators();
                requireAnotherAdministrator(user);
                user = writes.setEnabled(user, false, now);
            }
            links.remove(id);
            record(
                    by,
                    AuditAction.USER_DEPROVISIONED,
                    user,
                    "Deprovisioned by the identity provider: disabled the account and stopped its API tokens",
                    now);
        });
    }

    private LinkedAccount apply(Provisioner by, LinkedAccount account, Checked wanted, Instant now) {
        var user = account.user();
        var changes = new ArrayList<String>();
        if (!user.username().equals(wanted.username)) {
            changes.add("username " + user.username() + " → " + wanted.username);
            user = users.rename(user.id(), wanted.username, now);
        }
        if (!user.displayName().equals(wanted.displayName) || !Objects.equals(user.email(), wanted.email)) {
            if (!user.displayName().equals(wanted.displayName)) {
                changes.add("display name");
            }
            if (!Objects.equals(user.email(), wanted.email)) {
                changes.add("email");
            }
            user = users.updateProfile(user.id(), wanted.displayName, wanted.email, now);
        }
        var link = account.link();
        if (!Objects.equals(link.externalId(), wanted.externalId)) {
            changes.add("external id");
            link = link.withExternalId(wanted.externalId);
            links.save(link, now);
        }
        if (!changes.isEmpty()) {
            record(by, AuditAction.USER_CHANGED, user, "Changed " + String.join(", ", changes), now);
        }
        user = setEnabled(by, user, wanted.active, now);
        return new LinkedAccount(user, link);
    }

    private User setEnabled(Provisioner by, User user, boolean enabled, Instant now) {
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled) {
            writes.lockAdministrators();
            requireAnotherAdministrator(user);
        }
        var after = writes.setEnabled(user, enabled, now);
        record(
                by,
                enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                after,
                enabled
                        ? "Reactivated by the identity provider"
                        : "Deactivated by the identity provider: the account and its API tokens stopped",
                now);
        return after;
    }

    private void requireAnotherAdministrator(User user) {
        if (writes.isLastAdministrator(user)) {
            throw new ConflictException(
                    user.username() + " is the last enabled administrator. Make someone else an administrator first.");
        }
    }

    private void record(Provisioner by, AuditAction action, User target, String details, Instant now) {
        audit.record(AuditEvent.byIdentityProvider(by.name(), action, target, details, by.clientAddress(), now));
    }

    /** A profile that keeps Tokenkeeper's rules. */
    private record Checked(
            Username username,
            DisplayName displayName,
            @Nullable EmailAddress email,
            @Nullable String externalId,
            boolean active) {

        static Checked of(ProvisionedProfile profile) {
            var username = Username.of(profile.username());
            var name = profile.displayName() == null || profile.displayName().isBlank()
                    ? DisplayName.of(username.value())
                    : DisplayName.of(profile.displayName());
            EmailAddress email;
            try {
                email = EmailAddress.optional(profile.email()).orElse(null);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("emails", e.getMessage());
            }
            var externalId = Text.normalise(profile.externalId());
            if (Text.length(externalId) > IdentityLink.MAX_EXTERNAL_ID_LENGTH
                    || Text.hasInvisibleCharacter(externalId)) {
                throw new InvalidInputException(
                        "externalId", "Use at most " + IdentityLink.MAX_EXTERNAL_ID_LENGTH + " visible characters.");
            }
            TokenShape.refuseIn("externalId", externalId);
            return new Checked(username, name, email, externalId.isEmpty() ? null : externalId, profile.active());
        }
    }
}
