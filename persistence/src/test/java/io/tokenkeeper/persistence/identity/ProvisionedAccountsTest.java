package io.tokenkeeper.persistence.identity;

import static io.tokenkeeper.persistence.identity.IdentityTestData.CLOCK;
import static io.tokenkeeper.persistence.identity.IdentityTestData.aLocalAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.account.ProvisionedAccounts;
import io.tokenkeeper.domain.account.ProvisionedProfile;
import io.tokenkeeper.domain.account.SingleSignOn;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.policy.JooqPolicyStore;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What SCIM provisioning does to accounts, against the real database. */
class ProvisionedAccountsTest {

    private static final ProvisionedAccounts.Provisioner OKTA =
            new ProvisionedAccounts.Provisioner("SCIM: Okta", "198.51.100.4");

    private final JooqUserStore users = new JooqUserStore(TestDatabase.dsl());
    private final JooqIdentityLinks links = new JooqIdentityLinks(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final JooqTransactions transactions = new JooqTransactions(TestDatabase.dsl());
    private final List<UserId> changedAccounts = new CopyOnWriteArrayList<>();
    private final ProvisionedAccounts service =
            new ProvisionedAccounts(users, links, audit, transactions, CLOCK, changedAccounts::add);

    private Actor admin;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        admin = new Actor(aLocalAccount(users, "root", Privilege.ADMINISTRATOR), "192.0.2.1");
    }

    @Test
    void creates_an_account_without_a_password_that_the_provider_owns() {
        var created = service.create(OKTA, profile("jane.doe@acme.example", "00u1abc", true));

        assertThat(created.user().username().value()).isEqualTo("jane.doe@acme.example");
        assertThat(created.user().displayName().value()).isEqualTo("Jane Doe");
        assertThat(created.user().email()).isEqualTo(new EmailAddress("jane.doe@acme.example"));
        assertThat(created.user().enabled()).isTrue();
        assertThat(created.user().privileges()).isEmpty();
        assertThat(created.link().externalId()).isEqualTo("00u1abc");
        assertThat(created.link().subject()).isNull();
        assertThat(users.passwordHash(created.user().id())).isEmpty();
        assertThat(service.find(created.user().id())).isEqualTo(created);
        var event = audit.search(AuditFilter.ALL, 0, 1).getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.USER_CREATED);
        assertThat(event.actorName()).isEqualTo("SCIM: Okta");
        assertThat(event.clientAddress()).isEqualTo("198.51.100.4");
    }

    @Test
    void a_username_a_local_account_has_is_a_conflict_unless_an_administrator_allowed_linking() {
        var local = aLocalAccount(users, "jane", Privilege.API_ACCESS);

        assertThatThrownBy(() -> service.create(OKTA, profile("JANE", "00u1", true)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The userName JANE is already taken.");
        assertThat(users.passwordHash(local.id())).isPresent();

        singleSignOn().allowLinking(admin, "jane");
        var adopted = service.create(OKTA, profile("jane", "00u1", true));

        assertThat(adopted.user().id()).isEqualTo(local.id());
        assertThat(adopted.user().privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(users.passwordHash(local.id())).isEmpty();
        assertThat(adopted.link().isLinked()).isTrue();
    }

    @Test
    void deactivating_disables_the_account_and_tells_the_token_cache_and_reactivating_restores_it() {
        var jane = service.create(OKTA, profile("jane", "00u1", true)).user();

        var inactive = service.setActive(OKTA, jane.id(), false);

        assertThat(inactive.user().enabled()).isFalse();
        assertThat(changedAccounts).containsExactly(jane.id());
        var event = audit.search(AuditFilter.ALL, 0, 1).getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.USER_DISABLED);
        assertThat(event.details())
                .isEqualTo("Deactivated by the identity provider: the account and its API tokens" + " stopped");

        assertThat(service.setActive(OKTA, jane.id(), true).user().enabled()).isTrue();
        assertThat(changedAccounts).containsExactly(jane.id(), jane.id());
    }

    @Test
    void replacing_renames_and_changes_profile_external_id_and_activity_at_once() {
        var jane = service.create(OKTA, profile("jane", "00u1", true)).user();

        var replaced = service.replace(
                OKTA,
                jane.id(),
                new ProvisionedProfile("jane.smith", "Jane Smith", "jane.smith@acme.example", "00u2", false));

        assertThat(replaced.user().username().value()).isEqualTo("jane.smith");
        assertThat(replaced.user().displayName().value()).isEqualTo("Jane Smith");
        assertThat(replaced.user().email()).isEqualTo(new EmailAddress("jane.smith@acme.example"));
        assertThat(replaced.user().enabled()).isFalse();
        assertThat(replaced.link().externalId()).isEqualTo("00u2");
        assertThat(audit.search(AuditFilter.ALL, 0, 2))
                .extracting(AuditEvent::details)
                .containsExactly(
                        "Deactivated by the identity provider: the account and its API tokens stopped",
                        "Changed username jane → jane.smith, display name, email, external id");
    }

    @Test
    void deprovisioning_disables_the_account_and_lets_go_of_it() {
        var jane = service.create(OKTA, profile("jane", "00u1", true)).user();

        service.delete(OKTA, jane.id());

        assertThat(users.findById(jane.id()).orElseThrow().enabled()).isFalse();
        assertThat(changedAccounts).containsExactly(jane.id());
        assertThatThrownBy(() -> service.find(jane.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.count(null, null)).isZero();
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().action()).isEqualTo(AuditAction.USER_DEPROVISIONED);
    }

    @Test
    void searches_see_only_the_provider_s_accounts_by_username_ignoring_case_or_external_id() {
        var jane = service.create(OKTA, profile("Jane", "00u1", true));
        var john = service.create(OKTA, profile("john", "00u2", true));

        assertThat(service.search(null, null, 0, 10)).containsExactly(jane, john);
        assertThat(service.search("JANE", null, 0, 10)).containsExactly(jane);
        assertThat(service.search(null, "00u2", 0, 10)).containsExactly(john);
        assertThat(service.search("root", null, 0, 10)).isEmpty();
        assertThat(service.count(null, null)).isEqualTo(2);
        assertThat(service.search(null, null, 1, 10)).containsExactly(john);
        assertThatThrownBy(() -> service.find(admin.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_last_enabled_administrator_is_not_deactivated() {
        var boss = service.create(OKTA, profile("boss", "00u9", true)).user();
        users.setPrivileges(boss.id(), Set.of(Privilege.ADMINISTRATOR), IdentityTestData.NOW);
        users.setEnabled(admin.id(), false, IdentityTestData.NOW);

        assertThatThrownBy(() -> service.setActive(OKTA, boss.id(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("last enabled administrator");
        assertThat(users.findById(boss.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void a_username_or_email_against_the_rules_is_refused() {
        assertThatThrownBy(() -> service.create(OKTA, profile("jane doe", null, true)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(
                        () -> service.create(OKTA, new ProvisionedProfile("jane", null, "not an address", null, true)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("emails"));
        assertThat(service.count(null, null)).isZero();
    }

    private static ProvisionedProfile profile(String username, String externalId, boolean active) {
        var email = username.contains("@") ? username : username.toLowerCase() + "@acme.example";
        return new ProvisionedProfile(username, "Jane Doe", email, externalId, active);
    }

    private SingleSignOn singleSignOn() {
        var policies =
                new PolicyService(new JooqPolicyStore(TestDatabase.dsl(), CLOCK), users, audit, transactions, CLOCK);
        return new SingleSignOn(users, links, policies, audit, transactions, CLOCK, changedAccounts::add);
    }
}
