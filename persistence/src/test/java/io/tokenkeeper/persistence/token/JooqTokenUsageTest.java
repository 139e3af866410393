package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aNewToken;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqTokenUsageTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTokenUsage usage = new JooqTokenUsage(dsl);
    private final JooqAuditLog audit = new JooqAuditLog(dsl);

    private Token token;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        var alice = aTokenUser("alice");
        token = tokens.insert(aNewToken(alice.id(), "Deploy"));
    }

    @Test
    void records_the_first_use_with_its_address() {
        assertThat(usage.recordUse(token.id(), NOW, "192.0.2.10", null)).isTrue();

        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedAt()).isEqualTo(NOW);
        assertThat(stored.lastUsedIp()).isEqualTo("192.0.2.10");
    }

    @Test
    void writes_at_most_once_per_interval() {
        usage.recordUse(token.id(), NOW, "192.0.2.10", null);

        var soon = NOW.plus(TokenUsage.INTERVAL).minus(Duration.ofMillis(1));
        assertThat(usage.recordUse(token.id(), soon, "198.51.100.7", null)).isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedIp()).isEqualTo("192.0.2.10");

        var later = NOW.plus(TokenUsage.INTERVAL);
        assertThat(usage.recordUse(token.id(), later, "198.51.100.7", null)).isTrue();
        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedAt()).isEqualTo(later);
        assertThat(stored.lastUsedIp()).isEqualTo("198.51.100.7");
    }

    @Test
    void leaves_a_revoked_token_alone() {
        tokens.revoke(token.id(), token.ownerId(), NOW);

        assertThat(usage.recordUse(token.id(), NOW, "192.0.2.10", null)).isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void keeps_at_most_64_characters_of_an_address() {
        usage.recordUse(token.id(), NOW, "f".repeat(80), null);

        assertThat(tokens.find(token.id()).orElseThrow().lastUsedIp()).hasSize(64);
    }

    @Test
    void a_use_from_another_address_than_the_last_one_is_audited_on_behalf_of_the_owner() {
        usage.recordUse(token.id(), NOW, "192.0.2.10", null);

        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(5), "198.51.100.7", null))
                .isTrue();

        var events = newAddressEvents();
        assertThat(events).hasSize(1);
        var event = events.getFirst();
        assertThat(event.actorId()).isEqualTo(token.ownerId());
        assertThat(event.actorName()).isEqualTo("alice");
        assertThat(event.targetType()).isEqualTo("token");
        assertThat(event.targetId()).isEqualTo(Long.toString(token.id().value()));
        assertThat(event.targetName()).isEqualTo("Deploy");
        assertThat(event.clientAddress()).isEqualTo("198.51.100.7");
        assertThat(event.details()).contains("198.51.100.7").contains("192.0.2.10");
    }

    @Test
    void the_first_use_ever_and_a_use_from_the_last_address_are_not_new() {
        assertThat(usage.recordNewAddress(token.id(), NOW, "192.0.2.10", null)).isFalse();
        usage.recordUse(token.id(), NOW, "192.0.2.10", null);
        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(5), "192.0.2.10", null))
                .isFalse();

        assertThat(newAddressEvents()).isEmpty();
    }

    @Test
    void one_event_per_token_and_address_per_interval() {
        usage.recordUse(token.id(), NOW, "192.0.2.10", null);

        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(1), "198.51.100.7", null))
                .isTrue();
        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(2), "198.51.100.7", null))
                .isFalse();
        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(3), "203.0.113.9", null))
                .isTrue();
        assertThat(usage.recordNewAddress(
                        token.id(), NOW.plusSeconds(1).plus(TokenUsage.INTERVAL).minusMillis(1), "198.51.100.7", null))
                .isFalse();
        assertThat(usage.recordNewAddress(
                        token.id(), NOW.plusSeconds(1).plus(TokenUsage.INTERVAL).plusMillis(1), "198.51.100.7", null))
                .isTrue();

        assertThat(newAddressEvents()).hasSize(3);
    }

    @Test
    void a_revoked_token_is_not_audited() {
        usage.recordUse(token.id(), NOW, "192.0.2.10", null);
        tokens.revoke(token.id(), token.ownerId(), NOW.plusSeconds(1));

        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(2), "198.51.100.7", null))
                .isFalse();
        assertThat(newAddressEvents()).isEmpty();
    }

    private List<AuditEvent> newAddressEvents() {
        return audit.search(AuditFilter.ALL, 0, 100).stream()
                .filter(event -> event.action() == AuditAction.TOKEN_USED_FROM_NEW_ADDRESS)
                .toList();
    }
}
