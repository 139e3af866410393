package io.tokenkeeper.domain.account;

import io.tokenkeeper.domain.user.AccountChanges;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The account changes that decide whether a user's API tokens work (enabled, privileges), made one way whoever asks
 * for them: an administrator under Users, the identity provider at a sign-in, or SCIM provisioning. Each tells
 * {@link AccountChanges} inside the transaction, and the database's change feed tells every other node, so the
 * tokens follow at once. Callers check and audit; call inside a transaction.
 */
final class AccountWrites {

    private final UserStore users;
    private final AccountChanges accountChanges;

    AccountWrites(UserStore users, AccountChanges accountChanges) {
        this.users = users;
        this.accountChanges = accountChanges;
    }

    /**
     * Makes transactions that change who is an enabled administrator take turns, so that {@link #isLastAdministrator}
     * stays true until this transaction ends.
     */
    void lockAdministrators() {
        users.lockAdministrators();
    }

    /** Whether {@code user} is the only enabled administrator. Ask only while holding {@link #lockAdministrators()}. */
    boolean isLastAdministrator(User user) {
        return user.enabled() && user.isAdministrator() && users.countEnabledAdministrators() <= 1;
    }

    User setEnabled(User before, boolean enabled, Instant now) {
        users.setEnabled(before.id(), enabled, now);
        accountChanges.accountChanged(before.id());
        return users.findById(before.id()).orElseThrow();
    }

    /** Gives the account exactly {@code privileges}; returns it unchanged when it holds them already. */
    User setPrivileges(User before, Set<Privilege> privileges, Instant now) {
        if (before.privileges().equals(privileges.isEmpty() ? Set.of() : EnumSet.copyOf(privileges))) {
            return before;
        }
        users.setPrivileges(before.id(), privileges, now);
        accountChanges.accountChanged(before.id());
        return users.findById(before.id()).orElseThrow();
    }
}
