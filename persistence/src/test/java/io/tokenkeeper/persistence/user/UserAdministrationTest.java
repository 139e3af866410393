package io.tokenkeeper.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User administration against the real database and its locks. */
class UserAdministrationTest {

    private final JooqUserStore store = new JooqUserStore(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final List<UserId> changedAccounts = new CopyOnWriteArrayList<>();
    private final UserAdministration service = new UserAdministration(
            store,
            AccountTestData.PLAIN_PASSWORDS,
            audit,
            new JooqTransactions(TestDatabase.dsl()),
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
            changedAccounts::add);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void an_administrator_creates_a_user_with_privileges_and_it_is_audited() {
        var admin = actor(user("root", Privilege.ADMINISTRATOR));

        var created = service.createUser(
                admin,
                "dana",
                "Dana Scully",
                "dana@example.com",
                "a long initial password",
                Set.of(Privilege.API_ACCESS));

        assertThat(created.privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(AccountTestData.PLAIN_PASSWORDS.matches(
                        "a long initial password",
                        store.passwordHash(created.id()).orElseThrow()))
                .isTrue();
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().action()).isEqualTo(AuditAction.USER_CREATED);
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().actorName()).isEqualTo("root");
    }

    @Test
    void a_taken_username_is_a_message_on_the_username_field() {
        var admin = actor(user("root", Privilege.ADMINISTRATOR));

        assertThatThrownBy(() -> service.createUser(admin, "ROOT", "Other", "", "a long initial password", Set.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessage("The username ROOT is already taken.");
    }

    @Test
    void a_user_without_the_administrator_privilege_manages_nobody() {
        var plain = actor(user("plain", Privilege.API_ACCESS));
        var other = user("other");

        assertThatThrownBy(() -> service.search(plain, "", 0, 10)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.disable(plain, other.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.createUser(plain, "x1", "X", "", "a long initial password", Set.of()))
                .isInstanceOf(NotAllowedException.class);
        assertThat(store.findById(other.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void nobody_removes_their_own_administrator_privilege_or_disables_themself() {
        var root = user("root", Privilege.ADMINISTRATOR);
        user("second", Privilege.ADMINISTRATOR);

        assertThatThrownBy(() -> service.updateUser(actor(root), root.id(), "Root", "", Set.of()))
                .hasMessage("You cannot remove your own Administrator privilege.");
        assertThatThrownBy(() -> service.disable(actor(root), root.id()))
                .hasMessage("You cannot disable your own account.");
        assertThat(store.findById(root.id()).orElseThrow().isAdministrator()).isTrue();
    }

    @Test
    void disabling_a_user_or_removing_api_access_tells_the_token_cache() {
        var admin = actor(user("root", Privilege.ADMINISTRATOR));
        var holder = user("holder", Privilege.API_ACCESS);

        service.updateUser(admin, holder.id(), "Holder", "", Set.of());
        service.disable(admin, holder.id());

        assertThat(changedAccounts).containsExactly(holder.id(), holder.id());
        assertThat(audit.search(AuditFilter.ALL, 0, 2))
                .extracting(event -> event.action())
                .containsExactly(AuditAction.USER_DISABLED, AuditAction.PRIVILEGES_CHANGED);
    }

    @Test
    void the_last_enabled_administrator_survives_two_administrators_removing_each_other_at_once() throws Exception {
        var first = user("first", Privilege.ADMINISTRATOR);
        var second = user("second", Privilege.ADMINISTRATOR);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        var results = new ArrayList<Future<?>>();
        try {
            results.add(pool.submit(() -> {
                start.await();
                return service.disable(actor(first), second.id());
            }));
            results.add(pool.submit(() -> {
                start.await();
                return service.updateUser(actor(second), first.id(), "first", "", Set.of());
            }));
            start.countDown();
            int refused = 0;
            for (var result : results) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(ConflictException.class, NotAllowedException.class);
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.countEnabledAdministrators()).isEqualTo(1);
    }

    @Test
    void the_last_administrator_cannot_be_disabled_by_a_second_one_who_just_lost_it() {
        var first = user("first", Privilege.ADMINISTRATOR);
        var second = user("second", Privilege.ADMINISTRATOR);
        service.updateUser(actor(first), second.id(), "second", "", Set.of(Privilege.API_ACCESS));

        assertThatThrownBy(() -> service.disable(actor(second), first.id())).isInstanceOf(NotAllowedException.class);
        assertThat(store.countEnabledAdministrators()).isEqualTo(1);
    }

    @Test
    void resets_a_password_only_when_both_entries_match_the_policy() {
        var admin = actor(user("root", Privilege.ADMINISTRATOR));
        var holder = user("holder");

        assertThatThrownBy(() -> service.resetPassword(admin, holder.id(), "short", "short"))
                .hasMessage("Use at least 12 characters.");
        service.resetPassword(admin, holder.id(), "a fresh long password", "a fresh long password");

        assertThat(AccountTestData.PLAIN_PASSWORDS.matches(
                        "a fresh long password", store.passwordHash(holder.id()).orElseThrow()))
                .isTrue();
    }

    @Test
    void an_account_the_identity_provider_manages_gets_no_password() {
        var admin = actor(user("root", Privilege.ADMINISTRATOR));
        var provisioned = user("provisioned");
        store.removePassword(provisioned.id(), Instant.parse("2026-11-28T11:30:00Z"));

        assertThatThrownBy(() -> service.resetPassword(
                        admin, provisioned.id(), "a fresh long password", "a fresh long password"))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("provisioned signs in through the identity provider and has no password here.");
        assertThat(store.passwordHash(provisioned.id())).isEmpty();
    }

    private User user(String username, Privilege... privileges) {
        var set = privileges.length == 0 ? EnumSet.noneOf(Privilege.class) : EnumSet.of(privileges[0], privileges);
        return store.create(JooqUserStoreTest.newUser(username, set), Instant.parse("2026-11-28T11:00:00Z"));
    }

    private static Actor actor(User user) {
        return new Actor(user, "192.0.2.7");
    }
}
