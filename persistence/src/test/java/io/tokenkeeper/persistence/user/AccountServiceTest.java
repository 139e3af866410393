package io.tokenkeeper.persistence.user;

import static io.tokenkeeper.persistence.user.AccountTestData.PLAIN_PASSWORDS;
import static io.tokenkeeper.persistence.user.AccountTestData.aUserWithPassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.account.AccountService;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People changing their own password, against the real database. */
class AccountServiceTest {

    private static final String CURRENT = "the current long password";

    private final JooqUserStore store = new JooqUserStore(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final AccountService service = new AccountService(
            store, PLAIN_PASSWORDS, audit, new JooqTransactions(TestDatabase.dsl()), AccountTestData.CLOCK);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void changes_the_password_after_checking_the_current_one_and_audits_it() {
        var alice = aUserWithPassword(store, "alice", CURRENT, Privilege.API_ACCESS);

        service.changePassword(
                new Actor(alice, "192.0.2.7"), CURRENT, "a brand new long password", "a brand new long password");

        assertThat(PLAIN_PASSWORDS.matches(
                        "a brand new long password",
                        store.passwordHash(alice.id()).orElseThrow()))
                .isTrue();
        assertThat(audit.search(AuditFilter.ALL, 0, 10))
                .extracting(AuditEvent::action)
                .containsExactly(AuditAction.PASSWORD_CHANGED);
    }

    @Test
    void an_account_without_a_password_cannot_set_one() {
        var alice = aUserWithPassword(store, "alice", CURRENT, Privilege.API_ACCESS);
        var actor = new Actor(alice, null);
        assertThat(service.hasPassword(actor)).isTrue();
        store.removePassword(alice.id(), AccountTestData.NOW);

        assertThat(service.hasPassword(actor)).isFalse();
        assertThatThrownBy(() -> service.changePassword(
                        actor, "anything at all", "a brand new long password", "a brand new long password"))
                .isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("identity provider");
        assertThat(store.passwordHash(alice.id())).isEmpty();
    }

    @Test
    void a_new_password_equal_to_the_current_one_is_refused_and_changes_nothing() {
        var alice = aUserWithPassword(store, "alice", CURRENT, Privilege.API_ACCESS);
        var hashBefore = store.passwordHash(alice.id()).orElseThrow();

        assertThatThrownBy(() -> service.changePassword(new Actor(alice, null), CURRENT, CURRENT, CURRENT))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("newPassword"))
                .hasMessage("Choose a password different from the current one.");

        assertThat(store.passwordHash(alice.id())).contains(hashBefore);
        assertThat(audit.search(AuditFilter.ALL, 0, 10)).isEmpty();
    }

    @Test
    void only_someone_who_knows_the_current_password_learns_that_a_guess_equals_it() {
        var alice = aUserWithPassword(store, "alice", CURRENT, Privilege.API_ACCESS);
        var guess = "a wrong guess at the password";

        assertThatThrownBy(() -> service.changePassword(new Actor(alice, null), guess, guess, guess))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"))
                .hasMessage("The current password is not correct.");
    }

    @Test
    void a_session_of_an_account_disabled_since_sign_in_changes_nothing() {
        var alice = aUserWithPassword(store, "alice", CURRENT, Privilege.API_ACCESS);
        var signedInBefore = new Actor(alice, null);
        store.setEnabled(alice.id(), false, AccountTestData.CLOCK.instant());

        assertThatThrownBy(() -> service.updateProfile(signedInBefore, "Mallory", null))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.changePassword(
                        signedInBefore, CURRENT, "a brand new long password", "a brand new long password"))
                .isInstanceOf(NotAllowedException.class);
        assertThat(store.findById(alice.id()).orElseThrow().displayName().value())
                .isEqualTo("alice");
    }
}
