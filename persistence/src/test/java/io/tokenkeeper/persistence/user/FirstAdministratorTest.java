package io.tokenkeeper.persistence.user;

import static io.tokenkeeper.persistence.user.AccountTestData.PLAIN_PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.account.FirstAdministrator;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrator created at first start, against the real database and its unique username index. */
class FirstAdministratorTest {

    private static final String CONFIGURED = "a configured long password";

    private final JooqUserStore store = new JooqUserStore(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final SecureRandom random = new SecureRandom();

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void on_an_empty_database_creates_admin_with_every_privilege_and_a_generated_password_to_show_once() {
        var created = firstAdministrator(store).createIfNoUsers(null, random).orElseThrow();

        var admin = store.findByUsername("admin").orElseThrow();
        assertThat(created.user()).isEqualTo(admin);
        assertThat(admin.privileges()).containsExactlyInAnyOrder(Privilege.API_ACCESS, Privilege.ADMINISTRATOR);
        assertThat(created.generatedPassword()).matches("[A-HJ-NP-Za-km-z2-9]{20}");
        assertThat(PLAIN_PASSWORDS.matches(
                        created.generatedPassword(),
                        store.passwordHash(admin.id()).orElseThrow()))
                .isTrue();
        assertThat(created.toString()).doesNotContain(created.generatedPassword());
        assertThat(audit.search(AuditFilter.ALL, 0, 10)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.USER_CREATED);
            assertThat(event.actorName()).isEqualTo(AuditEvent.SYSTEM);
            assertThat(event.details()).doesNotContain(created.generatedPassword());
        });
    }

    @Test
    void a_configured_password_is_used_and_nothing_is_left_to_show() {
        var created =
                firstAdministrator(store).createIfNoUsers(CONFIGURED, random).orElseThrow();

        assertThat(created.generatedPassword()).isNull();
        assertThat(PLAIN_PASSWORDS.matches(
                        CONFIGURED, store.passwordHash(created.user().id()).orElseThrow()))
                .isTrue();
    }

    @Test
    void once_anyone_exists_creates_nobody() {
        AccountTestData.aUserWithPassword(store, "alice", CONFIGURED);

        assertThat(firstAdministrator(store).createIfNoUsers(null, random)).isEmpty();

        assertThat(store.findByUsername("admin")).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 10)).isEmpty();
    }

    @Test
    void when_another_node_creates_the_administrator_first_this_one_loses_the_race_quietly() {
        var otherNode = new AtomicReference<Optional<FirstAdministrator.Created>>();
        var racing = anotherNodeStartsRightAfterTheCount(
                () -> otherNode.set(firstAdministrator(store).createIfNoUsers(CONFIGURED, random)));

        var thisNode = firstAdministrator(racing).createIfNoUsers(null, random);

        assertThat(otherNode.get()).as("the other node created it").isPresent();
        assertThat(thisNode).as("this node lost the race without an error").isEmpty();
        assertThat(store.count()).isEqualTo(1);
        assertThat(PLAIN_PASSWORDS.matches(
                        CONFIGURED,
                        store.passwordHash(otherNode.get().orElseThrow().user().id())
                                .orElseThrow()))
                .isTrue();
        assertThat(audit.search(AuditFilter.ALL, 0, 10))
                .extracting(AuditEvent::action)
                .containsExactly(AuditAction.USER_CREATED);
    }

    private FirstAdministrator firstAdministrator(UserStore users) {
        return new FirstAdministrator(
                users, PLAIN_PASSWORDS, audit, new JooqTransactions(TestDatabase.dsl()), AccountTestData.CLOCK);
    }

    /**
     * The real store, except that right after counting the users (and finding none) another node runs to the end of
     * its own first start, in its own transaction on its own connection, before this one goes on.
     */
    private UserStore anotherNodeStartsRightAfterTheCount(Runnable otherNode) {
        return (UserStore) Proxy.newProxyInstance(
                UserStore.class.getClassLoader(), new Class<?>[] {UserStore.class}, (proxy, method, arguments) -> {
                    try {
                        var result = method.invoke(store, arguments);
                        if (method.getName().equals("count")) {
                            CompletableFuture.runAsync(otherNode).join();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
