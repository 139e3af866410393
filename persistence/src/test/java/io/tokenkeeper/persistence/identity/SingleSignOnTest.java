package io.tokenkeeper.persistence.identity;

import static io.tokenkeeper.persistence.identity.IdentityTestData.CLOCK;
import static io.tokenkeeper.persistence.identity.IdentityTestData.PROVIDER;
import static io.tokenkeeper.persistence.identity.IdentityTestData.aLocalAccount;
import static io.tokenkeeper.persistence.identity.IdentityTestData.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.account.SignInRefused;
import io.tokenkeeper.domain.account.SingleSignOn;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.identity.IdentityClaims;
import io.tokenkeeper.domain.identity.IdentityLink;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in through the identity provider, against the real database. */
class SingleSignOnTest {

    private final JooqUserStore users = new JooqUserStore(TestDatabase.dsl());
    private final JooqIdentityLinks links = new JooqIdentityLinks(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final JooqTransactions transactions = new JooqTransactions(TestDatabase.dsl());
    private final PolicyService policies =
            new PolicyService(new JooqPolicyStore(TestDatabase.dsl(), CLOCK), users, audit, transactions, CLOCK);
    private final List<UserId> changedAccounts = new CopyOnWriteArrayList<>();
    private final SingleSignOn service =
            new SingleSignOn(users, links, policies, audit, transactions, CLOCK, changedAccounts::add);

    private Actor admin;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        admin = new Actor(aLocalAccount(users, "root", Privilege.ADMINISTRATOR), "192.0.2.1");
        policies.updateSignInPolicy(
                admin,
                Map.of(
                        Privilege.API_ACCESS, List.of("tokenkeeper-users"),
                        Privilege.ADMINISTRATOR, List.of("tokenkeeper-admins")),
                false);
    }

    @Test
    void a_first_sign_in_creates_the_account_with_the_mapped_privileges_and_no_password() {
        var alice = service.signIn(claims("sub-1", "alice", "Tokenkeeper-Users", "other"), PROVIDER, "192.0.2.7");

        assertThat(alice.username().value()).isEqualTo("alice");
        assertThat(alice.displayName().value()).isEqualTo("alice Example");
        assertThat(alice.email()).isEqualTo(new EmailAddress("alice@example.com"));
        assertThat(alice.privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(users.passwordHash(alice.id())).isEmpty();
        assertThat(links.find(alice.id()).orElseThrow().subject())
                .isEqualTo(new IdentityLink.Subject(IdentityTestData.ISSUER, "sub-1"));
        var created = latestEvent();
        assertThat(created.action()).isEqualTo(AuditAction.USER_CREATED);
        assertThat(created.actorName()).isEqualTo(AuditEvent.IDENTITY_PROVIDER);
        assertThat(created.details()).isEqualTo("Created at the first sign-in through Acme SSO with API Access");
        assertThat(created.clientAddress()).isEqualTo("192.0.2.7");
    }

    @Test
    void the_next_sign_in_finds_the_account_by_the_provider_s_subject_whatever_username_it_sends() {
        var first = service.signIn(claims("sub-1", "alice", "tokenkeeper-users"), PROVIDER, null);

        var again = service.signIn(claims("sub-1", "alice.renamed", "tokenkeeper-users"), PROVIDER, null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.username().value()).isEqualTo("alice");
        assertThat(users.count()).isEqualTo(2);
    }

    @Test
    void every_sign_in_takes_display_name_and_email_from_the_claims() {
        var alice = service.signIn(claims("sub-1", "alice"), PROVIDER, null);

        var renamed = service.signIn(
                new IdentityClaims(
                        new IdentityLink.Subject(IdentityTestData.ISSUER, "sub-1"),
                        "alice",
                        "Alice Married",
                        "alice.married@example.com",
                        List.of()),
                PROVIDER,
                null);

        assertThat(renamed.id()).isEqualTo(alice.id());
        assertThat(renamed.displayName().value()).isEqualTo("Alice Married");
        assertThat(renamed.email()).isEqualTo(new EmailAddress("alice.married@example.com"));
        assertThat(latestEvent().details()).isEqualTo("Took the display name and email from Acme SSO");
    }

    @Test
    void losing_the_group_takes_the_privilege_away_and_tells_the_token_cache() {
        var alice = service.signIn(claims("sub-1", "alice", "tokenkeeper-users"), PROVIDER, null);
        changedAccounts.clear();

        var after = service.signIn(claims("sub-1", "alice"), PROVIDER, null);

        assertThat(after.privileges()).isEmpty();
        assertThat(changedAccounts).containsExactly(alice.id());
        var event = latestEvent();
        assertThat(event.action()).isEqualTo(AuditAction.PRIVILEGES_CHANGED);
        assertThat(event.details()).isEqualTo("Privileges from the groups at Acme SSO: API Access → no privileges");
    }

    @Test
    void a_privilege_no_group_maps_to_stays_as_an_administrator_set_it() {
        policies.updateSignInPolicy(admin, Map.of(Privilege.ADMINISTRATOR, List.of("tokenkeeper-admins")), false);
        var alice = service.signIn(claims("sub-1", "alice"), PROVIDER, null);
        users.setPrivileges(alice.id(), java.util.Set.of(Privilege.API_ACCESS), IdentityTestData.NOW);

        var after = service.signIn(claims("sub-1", "alice"), PROVIDER, null);

        assertThat(after.privileges()).containsExactly(Privilege.API_ACCESS);
    }

    @Test
    void a_local_account_of_the_same_username_is_never_taken_over_without_an_administrator_s_permission() {
        var local = aLocalAccount(users, "bob", Privilege.API_ACCESS);

        assertThatThrownBy(() -> service.signIn(claims("sub-2", "BOB", "tokenkeeper-admins"), PROVIDER, "192.0.2.8"))
                .isInstanceOfSatisfying(
                        SignInRefused.class, e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.LOCAL_ACCOUNT))
                .hasMessageContaining("An administrator must allow linking it first");

        assertThat(users.findById(local.id()).orElseThrow()).isEqualTo(local);
        assertThat(users.passwordHash(local.id())).contains("{test}a password");
        assertThat(links.find(local.id())).isEmpty();
        var refused = latestEvent();
        assertThat(refused.action()).isEqualTo(AuditAction.SIGN_IN_FAILED);
        assertThat(refused.targetName()).isEqualTo("bob");
        assertThat(refused.details()).startsWith("Through Acme SSO: An account named bob already exists here");
    }

    @Test
    void a_local_account_an_administrator_allowed_is_linked_at_the_next_sign_in_and_loses_its_password() {
        var local = aLocalAccount(users, "bob");
        service.allowLinking(admin, "bob");
        assertThat(service.accountsAllowedToLink(admin))
                .extracting(user -> user.id())
                .containsExactly(local.id());

        var signedIn = service.signIn(claims("sub-2", "bob", "tokenkeeper-users"), PROVIDER, null);

        assertThat(signedIn.id()).isEqualTo(local.id());
        assertThat(signedIn.privileges()).containsExactly(Privilege.API_ACCESS);
        assertThat(users.passwordHash(local.id())).isEmpty();
        assertThat(links.find(local.id()).orElseThrow().isLinked()).isTrue();
        assertThat(service.accountsAllowedToLink(admin)).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 10))
                .extracting(AuditEvent::action)
                .contains(AuditAction.IDENTITY_LINKED, AuditAction.IDENTITY_LINK_ALLOWED);
    }

    @Test
    void a_withdrawn_permission_keeps_the_account_local() {
        var local = aLocalAccount(users, "bob");
        service.allowLinking(admin, "bob");

        service.withdrawLinking(admin, local.id());

        assertThatThrownBy(() -> service.signIn(claims("sub-2", "bob"), PROVIDER, null))
                .isInstanceOf(SignInRefused.class);
        assertThat(latestEvent().action()).isEqualTo(AuditAction.SIGN_IN_FAILED);
    }

    @Test
    void only_administrators_allow_linking_and_only_existing_local_accounts() {
        var plain = new Actor(aLocalAccount(users, "plain"), null);
        service.signIn(claims("sub-1", "alice"), PROVIDER, null);

        assertThatThrownBy(() -> service.allowLinking(plain, "plain")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.allowLinking(admin, "nobody"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessage("There is no account named nobody.");
        assertThatThrownBy(() -> service.allowLinking(admin, "alice"))
                .hasMessage("alice is linked to the identity provider already.");
    }

    @Test
    void an_account_linked_to_another_person_at_the_provider_is_refused() {
        service.signIn(claims("sub-1", "alice"), PROVIDER, null);

        assertThatThrownBy(() -> service.signIn(claims("sub-9", "alice"), PROVIDER, null))
                .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(SignInRefused.Reason.LINKED_TO_ANOTHER_PERSON));
    }

    @Test
    void a_disabled_account_is_refused_and_nothing_about_it_changes() {
        var alice = service.signIn(claims("sub-1", "alice"), PROVIDER, null);
        users.setEnabled(alice.id(), false, IdentityTestData.NOW);

        assertThatThrownBy(() -> service.signIn(claims("sub-1", "alice", "tokenkeeper-admins"), PROVIDER, null))
                .isInstanceOfSatisfying(
                        SignInRefused.class, e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.DISABLED));
        assertThat(users.findById(alice.id()).orElseThrow().privileges()).isEmpty();
    }

    @Test
    void a_username_tokenkeeper_cannot_use_is_refused() {
        assertThatThrownBy(() -> service.signIn(claims("sub-1", "alice smith"), PROVIDER, null))
                .isInstanceOfSatisfying(
                        SignInRefused.class, e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.NO_USERNAME));
        assertThatThrownBy(() -> service.signIn(
                        new IdentityClaims(
                                new IdentityLink.Subject(IdentityTestData.ISSUER, "sub-2"),
                                null,
                                null,
                                null,
                                List.of()),
                        PROVIDER,
                        null))
                .isInstanceOf(SignInRefused.class);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void the_last_enabled_administrator_keeps_administrator_when_the_group_is_gone() {
        var boss = service.signIn(claims("sub-1", "boss", "tokenkeeper-admins"), PROVIDER, null);
        users.setEnabled(admin.id(), false, IdentityTestData.NOW);

        var after = service.signIn(claims("sub-1", "boss"), PROVIDER, null);

        assertThat(after.id()).isEqualTo(boss.id());
        assertThat(after.privileges()).containsExactly(Privilege.ADMINISTRATOR);
        assertThat(latestEvent().details())
                .isEqualTo("Kept Administrator although no group at Acme SSO grants it: the account is the last"
                        + " enabled administrator");
    }

    private AuditEvent latestEvent() {
        return audit.search(AuditFilter.ALL, 0, 1).getFirst();
    }
}
