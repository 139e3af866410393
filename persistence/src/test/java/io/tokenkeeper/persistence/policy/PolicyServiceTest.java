package io.tokenkeeper.persistence.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.policy.SignInPolicy;
import io.tokenkeeper.domain.policy.TokenPolicy;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final JooqUserStore users = new JooqUserStore(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final JooqPolicyStore store = new JooqPolicyStore(TestDatabase.dsl(), CLOCK);
    private final PolicyService service =
            new PolicyService(store, users, audit, new JooqTransactions(TestDatabase.dsl()), CLOCK);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void an_untouched_installation_has_the_default_policy() {
        assertThat(service.current()).isEqualTo(TokenPolicy.DEFAULT);
    }

    @Test
    void an_administrator_saves_quota_lifetime_and_ranges_and_the_change_is_audited() {
        var admin = actor("root", Privilege.ADMINISTRATOR);

        service.update(admin, 10, 90, List.of("203.0.113.0/24", "", "2001:db8::/32", "203.0.113.5/24"));

        var saved = service.current();
        assertThat(saved.quota().max()).isEqualTo(10);
        assertThat(saved.maxLifetimeDays()).isEqualTo(90);
        assertThat(saved.trustedRanges())
                .containsExactly(IpRange.parse("f", "203.0.113.0/24"), IpRange.parse("f", "2001:db8::/32"));
        var event = audit.search(AuditFilter.ALL, 0, 1).getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.POLICY_CHANGED);
        assertThat(event.details())
                .isEqualTo("Changed tokens per user 5 → 10; maximum lifetime none → 90 days;"
                        + " trusted IP ranges any → 203.0.113.0/24, 2001:db8:0:0:0:0:0:0/32");
    }

    @Test
    void lowering_the_quota_and_clearing_the_ranges_is_saved_too() {
        var admin = actor("root", Privilege.ADMINISTRATOR);
        service.update(admin, 10, 90, List.of("203.0.113.0/24"));

        service.update(admin, 1, null, List.of());

        assertThat(service.current())
                .isEqualTo(new TokenPolicy(new io.tokenkeeper.domain.token.TokenQuota(1), null, List.of()));
    }

    @Test
    void invalid_entries_get_messages_and_change_nothing() {
        var admin = actor("root", Privilege.ADMINISTRATOR);

        assertThatThrownBy(() -> service.update(admin, 0, null, List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quota"));
        assertThatThrownBy(() -> service.update(admin, 5, null, List.of("10.0.0.0/8", "not an address")))
                .hasMessageContaining("“not an address” is not an IP address or range");
        assertThat(service.current()).isEqualTo(TokenPolicy.DEFAULT);
        assertThat(audit.search(AuditFilter.ALL, 0, 5)).isEmpty();
    }

    @Test
    void only_administrators_change_the_policy() {
        var plain = actor("plain", Privilege.API_ACCESS);

        assertThatThrownBy(() -> service.update(plain, 50, null, List.of())).isInstanceOf(NotAllowedException.class);
        assertThat(service.current()).isEqualTo(TokenPolicy.DEFAULT);
    }

    @Test
    void only_an_administrator_reads_the_policy_for_review() {
        var admin = actor("root", Privilege.ADMINISTRATOR);
        var user = actor("alice", Privilege.API_ACCESS);

        assertThat(service.read(admin)).isEqualTo(TokenPolicy.DEFAULT);
        assertThatThrownBy(() -> service.read(user)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void an_untouched_installation_maps_no_groups_and_lets_everyone_sign_in_with_a_password() {
        assertThat(service.signInPolicy()).isEqualTo(SignInPolicy.DEFAULT);
    }

    @Test
    void an_administrator_maps_groups_to_privileges_and_the_change_is_audited() {
        var admin = actor("root", Privilege.ADMINISTRATOR);

        service.updateSignInPolicy(
                admin,
                Map.of(
                        Privilege.API_ACCESS, List.of(" tokenkeeper-users ", "", "TOKENKEEPER-USERS", "/developers"),
                        Privilege.ADMINISTRATOR, List.of("tokenkeeper-admins")),
                true);

        var saved = service.signInPolicy();
        assertThat(saved.groupsFor(Privilege.API_ACCESS)).containsExactly("tokenkeeper-users", "/developers");
        assertThat(saved.groupsFor(Privilege.ADMINISTRATOR)).containsExactly("tokenkeeper-admins");
        assertThat(saved.passwordSignInAdministratorsOnly()).isTrue();
        var event = audit.search(AuditFilter.ALL, 0, 1).getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.POLICY_CHANGED);
        assertThat(event.details())
                .isEqualTo("Changed groups granting API Access none → tokenkeeper-users, /developers; groups granting"
                        + " Administrator none → tokenkeeper-admins; password sign-in everyone → administrators only");
    }

    @Test
    void a_group_name_holding_a_control_character_is_refused_on_its_privilege_s_field() {
        var admin = actor("root", Privilege.ADMINISTRATOR);

        assertThatThrownBy(() -> service.updateSignInPolicy(
                        admin, Map.of(Privilege.ADMINISTRATOR, List.of("admins\u0000")), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                        .isEqualTo(SignInPolicy.groupsField(Privilege.ADMINISTRATOR)));
        assertThat(service.signInPolicy()).isEqualTo(SignInPolicy.DEFAULT);
    }

    @Test
    void only_administrators_change_the_sign_in_policy() {
        var plain = actor("plain", Privilege.API_ACCESS);

        assertThatThrownBy(() -> service.updateSignInPolicy(plain, Map.of(), true))
                .isInstanceOf(NotAllowedException.class);
        assertThat(service.signInPolicy()).isEqualTo(SignInPolicy.DEFAULT);
    }

    private Actor actor(String username, Privilege privilege) {
        User user = users.create(
                new NewUser(new Username(username), DisplayName.of(username), null, "{test}x", EnumSet.of(privilege)),
                CLOCK.instant());
        return new Actor(user, "192.0.2.1");
    }
}
