package io.tokenkeeper.persistence.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.provisioning.ProvisioningSecret;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCIM provisioning tokens against the real database: created once, stored as a digest, revocable, audited. */
class ProvisioningTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final JooqUserStore users = new JooqUserStore(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final ProvisioningTokens service = new ProvisioningTokens(
            new JooqProvisioningTokenStore(TestDatabase.dsl()),
            users,
            audit,
            new JooqTransactions(TestDatabase.dsl()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SecureRandom());

    private Actor admin;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        admin = actor("root", Privilege.ADMINISTRATOR);
    }

    @Test
    void a_new_token_authenticates_and_only_its_digest_and_hint_are_stored() {
        var created = service.create(admin, " Okta ");
        var value = created.secret().reveal();

        assertThat(value).startsWith("tks_").hasSize(ProvisioningSecret.LENGTH);
        assertThat(created.token().name()).isEqualTo("Okta");
        assertThat(created.token().hint()).isEqualTo(value.substring(0, 8) + "…");
        assertThat(created.token().createdBy()).isEqualTo("root");
        assertThat(service.authenticate(value).map(token -> token.id()))
                .contains(created.token().id());
        assertThat(service.list(admin)).extracting(token -> token.lastUsedAt()).containsExactly(NOW);
        var stored =
                TestDatabase.dsl().fetch("select * from provisioning_token").formatCSV();
        assertThat(stored).doesNotContain(value.substring(8));
        var event = audit.search(AuditFilter.ALL, 0, 1).getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.PROVISIONING_TOKEN_CREATED);
        assertThat(event.targetType()).isEqualTo("scim-token");
        assertThat(event.details()).doesNotContain(value.substring(8));
    }

    @Test
    void a_revoked_token_no_longer_authenticates_and_the_revocation_is_audited() {
        var created = service.create(admin, "Entra ID");

        service.revoke(admin, created.token().id());

        assertThat(service.authenticate(created.secret().reveal())).isEmpty();
        assertThat(service.list(admin)).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 1))
                .extracting(AuditEvent::action)
                .containsExactly(AuditAction.PROVISIONING_TOKEN_REVOKED);
    }

    @Test
    void anything_else_is_refused() {
        var created = service.create(admin, "Okta");
        var value = created.secret().reveal();

        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate(value.substring(0, 43) + (value.endsWith("A") ? "B" : "A")))
                .isEmpty();
        assertThat(service.authenticate("tkp_" + value.substring(4))).isEmpty();
        assertThat(service.authenticate(value + "x")).isEmpty();
    }

    @Test
    void only_administrators_manage_provisioning_tokens() {
        var plain = actor("plain", Privilege.API_ACCESS);
        var created = service.create(admin, "Okta");

        assertThatThrownBy(() -> service.create(plain, "Mine")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.list(plain)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> service.revoke(plain, created.token().id())).isInstanceOf(NotAllowedException.class);
        assertThat(service.authenticate(created.secret().reveal())).isPresent();
    }

    @Test
    void a_name_is_required_and_at_most_ten_tokens_work_at_once() {
        assertThatThrownBy(() -> service.create(admin, "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        for (int i = 1; i <= ProvisioningTokens.MAX_ACTIVE; i++) {
            service.create(admin, "Token " + i);
        }

        assertThatThrownBy(() -> service.create(admin, "One too many")).isInstanceOf(ConflictException.class);
        assertThat(service.list(admin)).hasSize(ProvisioningTokens.MAX_ACTIVE);
    }

    private Actor actor(String username, Privilege privilege) {
        var user = users.create(
                new NewUser(new Username(username), DisplayName.of(username), null, "{test}x", EnumSet.of(privilege)),
                NOW.minusSeconds(60));
        return new Actor(user, "192.0.2.1");
    }
}
