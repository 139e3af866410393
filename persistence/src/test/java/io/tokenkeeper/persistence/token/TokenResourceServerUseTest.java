package io.tokenkeeper.persistence.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.resourceserver.ResourceIdentifier;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.resourceserver.ResourceServerId;
import io.tokenkeeper.domain.scope.ResourceServerLabel;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.ManagedToken;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.resourceserver.JooqResourceServerStore;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where tokens are used (the resource server of their last use) and which tokens a resource server's scopes find. */
class TokenResourceServerUseTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ORDERS = "https://orders.example.com";
    private static final String TOKENKEEPER = ResourceIdentifier.TOKENKEEPER.value();

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqUserStore users = new JooqUserStore(dsl);
    private final JooqAuditLog audit = new JooqAuditLog(dsl);
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTransactions transactions = new JooqTransactions(dsl);
    private final TokenService service = TokenTestData.tokenService().at(CLOCK).build();
    private final ResourceServerAdministration servers = new ResourceServerAdministration(
            new JooqResourceServerStore(dsl), users, audit, transactions, CLOCK, new SecureRandom(), () -> {});
    private final JooqTokenUsage usage = new JooqTokenUsage(dsl);
    private final JooqTokenDirectory directory = new JooqTokenDirectory(dsl);

    private Actor alice;
    private Actor admin;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        alice = actor("alice", Privilege.API_ACCESS);
        admin = actor("root", Privilege.ADMINISTRATOR);
    }

    @Test
    void a_token_remembers_the_resource_server_it_was_last_used_at_by_name_and_identifier() {
        orders();
        var token = token("Orders reader", "orders:read");

        assertThat(usage.recordUse(token.id(), NOW, "192.0.2.10", ORDERS)).isTrue();

        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedServer()).isEqualTo(new ResourceServerLabel(ORDERS, "Orders API"));
        assertThat(managed(TokenSearch.ALL).getFirst().token().lastUsedServer())
                .isEqualTo(new ResourceServerLabel(ORDERS, "Orders API"));
    }

    @Test
    void a_use_at_another_resource_server_is_recorded_within_the_interval_and_the_same_one_is_not() {
        orders();
        var token = token("Both", "orders:read", "tokenkeeper:read");
        usage.recordUse(token.id(), NOW, "192.0.2.10", ORDERS);

        assertThat(usage.recordUse(token.id(), NOW.plusSeconds(1), "192.0.2.10", ORDERS))
                .isFalse();
        assertThat(usage.recordUse(token.id(), NOW.plusSeconds(2), "192.0.2.10", TOKENKEEPER))
                .isTrue();

        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedServer()).isEqualTo(new ResourceServerLabel(TOKENKEEPER, "Tokenkeeper"));
        assertThat(stored.lastUsedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(usage.recordUse(token.id(), NOW.plusSeconds(3), "192.0.2.10", TOKENKEEPER))
                .isFalse();
    }

    @Test
    void deleting_the_resource_server_leaves_the_last_use_without_one() {
        var server = orders();
        var token = token("Orders reader", "orders:read", "tokenkeeper:read");
        usage.recordUse(token.id(), NOW, "192.0.2.10", ORDERS);

        servers.delete(admin, server, true);

        var stored = tokens.find(token.id()).orElseThrow();
        assertThat(stored.lastUsedServer()).isNull();
        assertThat(stored.lastUsedAt()).isEqualTo(NOW);
        assertThat(dsl.fetchValue(
                        "select last_used_resource_server_id from api_token where id = ?",
                        token.id().value()))
                .isNull();
    }

    @Test
    void the_event_of_a_new_address_names_the_resource_servers_of_both_uses() {
        orders();
        var token = token("Both", "orders:read", "tokenkeeper:read");
        usage.recordUse(token.id(), NOW, "192.0.2.10", TOKENKEEPER);

        assertThat(usage.recordNewAddress(token.id(), NOW.plusSeconds(5), "198.51.100.7", ORDERS))
                .isTrue();

        assertThat(newAddressEvents())
                .singleElement()
                .extracting(AuditEvent::details)
                .isEqualTo("Used from 198.51.100.7 at Orders API; its last recorded use was from 192.0.2.10 at"
                        + " Tokenkeeper.");
    }

    @ParameterizedTest
    @EnumSource(
            value = TokenSearch.Column.class,
            names = {"CREATED", "STATUS", "LAST_USED"})
    void token_management_finds_only_the_tokens_holding_a_scope_of_the_resource_server(TokenSearch.Column order) {
        orders();
        var reader = token("Orders reader", "orders:read");
        var writer = token("Orders writer", "orders:write", "tokenkeeper:read");
        var own = token("Own API only", "tokenkeeper:read", "tokenkeeper:write");
        var atOrders = TokenSearch.ALL.atResourceServer(ORDERS).sortedBy(order, TokenSearch.Direction.DESCENDING);

        assertThat(managed(atOrders))
                .extracting(row -> row.token().id())
                .containsExactlyInAnyOrder(reader.id(), writer.id());
        assertThat(directory.count(atOrders, 100)).isEqualTo(2);
        assertThat(managed(TokenSearch.ALL.atResourceServer(TOKENKEEPER)))
                .extracting(row -> row.token().id())
                .containsExactlyInAnyOrder(writer.id(), own.id());
        assertThat(managed(TokenSearch.ALL.atResourceServer("https://nobody.example.com")))
                .isEmpty();
        assertThat(managed(TokenSearch.ALL.matching("Orders").atResourceServer(TOKENKEEPER)))
                .extracting(row -> row.token().id())
                .containsExactly(writer.id());
    }

    private List<ManagedToken> managed(TokenSearch search) {
        return directory.search(search, NOW, 0, 50);
    }

    private Token token(String name, String... scopes) {
        return service.generate(alice, new TokenRequest(name, null, List.of(scopes), List.of()))
                .token();
    }

    private ResourceServerId orders() {
        return servers.register(
                        admin,
                        "Orders API",
                        ORDERS,
                        "",
                        List.of(
                                ScopeDefinition.of("orders:read", "Read orders"),
                                ScopeDefinition.of("orders:write", "Place orders")))
                .server()
                .id();
    }

    private List<AuditEvent> newAddressEvents() {
        return audit.search(AuditFilter.ALL, 0, 50).stream()
                .filter(event -> event.action() == AuditAction.TOKEN_USED_FROM_NEW_ADDRESS)
                .toList();
    }

    private Actor actor(String username, Privilege privilege) {
        var user = users.create(
                new NewUser(new Username(username), DisplayName.of(username), null, "{test}x", EnumSet.of(privilege)),
                CLOCK.instant());
        return new Actor(user, "192.0.2.1");
    }
}
