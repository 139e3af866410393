package io.tokenkeeper.persistence.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.resourceserver.ClientSecret;
import io.tokenkeeper.domain.resourceserver.ResourceIdentifier;
import io.tokenkeeper.domain.resourceserver.ResourceServer;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceServerAdministrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final List<ScopeDefinition> ORDER_SCOPES = List.of(
            ScopeDefinition.of("orders:read", "Read orders"), ScopeDefinition.of("orders:write", "Place orders"));

    private final JooqUserStore users = new JooqUserStore(TestDatabase.dsl());
    private final JooqAuditLog audit = new JooqAuditLog(TestDatabase.dsl());
    private final JooqResourceServerStore store = new JooqResourceServerStore(TestDatabase.dsl());
    private final AtomicInteger toldOfChanges = new AtomicInteger();
    private final ResourceServerAdministration servers = new ResourceServerAdministration(
            store,
            users,
            audit,
            new JooqTransactions(TestDatabase.dsl()),
            CLOCK,
            new SecureRandom(),
            toldOfChanges::incrementAndGet);

    private Actor admin;
    private int tokens;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        admin = actor("root", Privilege.ADMINISTRATOR);
    }

    @Test
    void tokenkeepers_own_api_is_built_in_with_its_read_and_write_scopes() {
        var builtIn = servers.list(admin).getFirst();

        assertThat(builtIn.builtIn()).isTrue();
        assertThat(builtIn.identifier()).isEqualTo(ResourceIdentifier.TOKENKEEPER);
        assertThat(builtIn.scopeNames()).containsExactly(Scope.TOKENKEEPER_READ, Scope.TOKENKEEPER_WRITE);
        assertThat(builtIn.clientId()).isNull();
    }

    @Test
    void registering_generates_a_credential_whose_secret_is_only_in_the_answer_and_audits_it() {
        var registered =
                servers.register(admin, " Orders ", "https://orders.example.com", "The order API", ORDER_SCOPES);

        var server = registered.server();
        assertThat(server.name()).isEqualTo("Orders");
        assertThat(server.scopes()).isEqualTo(ORDER_SCOPES);
        assertThat(server.clientId()).isNotNull();
        assertThat(server.secretHint()).isEqualTo(registered.secret().hint());
        assertThat(registered.secret().reveal()).startsWith("tkc_").hasSize(44);
        assertThat(store.findByCredential(server.clientId(), registered.secret().digest()))
                .hasValue(server);
        assertThat(store.findByCredential(server.clientId(), ClientSecret.digestOf("tkc_wrong")))
                .isEmpty();
        var event = audit.search(AuditFilter.ALL, 0, 1).getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.RESOURCE_SERVER_REGISTERED);
        assertThat(event.targetName()).isEqualTo("Orders");
        assertThat(event.details())
                .isEqualTo("Registered https://orders.example.com with scopes orders:read, orders:write")
                .doesNotContain(registered.secret().reveal());
        assertThat(TestDatabase.dsl()
                        .fetchValue(
                                "select count(*) from resource_server where secret_hint like ?",
                                registered.secret().reveal() + "%"))
                .isEqualTo(0L);
    }

    @Test
    void every_write_tells_this_nodes_credential_cache_and_reading_does_not() {
        var server = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES)
                .server();
        assertThat(toldOfChanges).hasValue(1);

        servers.list(admin);
        servers.find(admin, server.id());
        assertThat(toldOfChanges).hasValue(1);

        servers.change(admin, server.id(), "Orders API", "https://orders.example.com", "", ORDER_SCOPES, false);
        servers.regenerateSecret(admin, server.id());
        servers.setEnabled(admin, server.id(), false);
        servers.delete(admin, server.id(), false);
        assertThat(toldOfChanges).hasValue(5);
    }

    @Test
    void names_identifiers_and_scope_names_are_unique() {
        servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES);

        assertThatThrownBy(() -> servers.register(
                        admin, "orders", "https://other.example.com", "", List.of(ScopeDefinition.of("a:b", "x"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> servers.register(
                        admin, "Other", "https://orders.example.com", "", List.of(ScopeDefinition.of("a:b", "x"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("identifier"));
        assertThatThrownBy(() -> servers.register(
                        admin,
                        "Other",
                        "https://other.example.com",
                        "",
                        List.of(ScopeDefinition.of("orders:read", "x"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scopes"));
        assertThat(servers.list(admin)).hasSize(2);
    }

    @Test
    void refuses_bad_input_before_any_database_work() {
        assertThatThrownBy(() -> servers.register(admin, "", "https://a.example", "", ORDER_SCOPES))
                .hasMessage("Enter a name.");
        assertThatThrownBy(() -> servers.register(admin, "A", "orders.example.com", "", ORDER_SCOPES))
                .hasMessageContaining("absolute URI");
        assertThatThrownBy(() -> servers.register(admin, "A", "urn:tokenkeeper:api", "", ORDER_SCOPES))
                .hasMessageContaining("Tokenkeeper's own");
        assertThatThrownBy(() -> servers.register(admin, "A", "https://a.example", "", List.of()))
                .hasMessageContaining("at least one scope");
        assertThatThrownBy(() -> servers.register(
                        admin,
                        "A",
                        "https://a.example",
                        "",
                        List.of(ScopeDefinition.of("a:read", "x"), ScopeDefinition.of("a:read", "y"))))
                .hasMessage("a:read is listed twice.");
        assertThatThrownBy(() -> servers.register(
                        admin, "A", "https://a.example", "", List.of(ScopeDefinition.of("tokenkeeper:admin", "x"))))
                .hasMessageContaining("belong to Tokenkeeper's own API");
        assertThatThrownBy(() -> ScopeDefinition.of("Orders:Read", "x")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ScopeDefinition.of("orders", "x")).hasMessageContaining("joined by a colon");
        assertThatThrownBy(() -> ScopeDefinition.of("orders:read", "")).hasMessageContaining("description");
        assertThat(servers.list(admin)).hasSize(1);
    }

    @Test
    void changes_are_saved_kept_scopes_keep_their_identity_and_the_change_is_audited() {
        var server = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES)
                .server();
        long readScopeId = scopeId("orders:read");

        var changed = servers.change(
                admin,
                server.id(),
                "Orders API",
                "https://orders.example.com/v2",
                "Version 2",
                List.of(
                        ScopeDefinition.of("orders:admin", "Manage orders"),
                        ScopeDefinition.of("orders:read", "Read any order")),
                false);

        assertThat(changed.scopes())
                .containsExactly(
                        ScopeDefinition.of("orders:admin", "Manage orders"),
                        ScopeDefinition.of("orders:read", "Read any order"));
        assertThat(scopeId("orders:read")).isEqualTo(readScopeId);
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().details())
                .isEqualTo("Changed name “Orders” → “Orders API”; identifier https://orders.example.com →"
                        + " https://orders.example.com/v2; description; added orders:admin; removed orders:write;"
                        + " scope descriptions");
    }

    @Test
    void removing_a_scope_that_tokens_hold_needs_a_confirmation_that_takes_it_from_them() {
        var server = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES)
                .server();
        long token = aTokenHolding(admin.user(), "orders:write");

        assertThatThrownBy(() -> servers.change(
                        admin,
                        server.id(),
                        "Orders",
                        "https://orders.example.com",
                        "",
                        ORDER_SCOPES.subList(0, 1),
                        false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("1 token holds orders:write. Confirm to remove the scope from them, or keep it.");
        assertThat(scopesOf(token)).containsExactly("orders:write");

        servers.change(
                admin, server.id(), "Orders", "https://orders.example.com", "", ORDER_SCOPES.subList(0, 1), true);

        assertThat(scopesOf(token)).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().details())
                .isEqualTo("Changed removed orders:write from 1 token");
    }

    @Test
    void deleting_a_server_whose_scopes_tokens_hold_needs_a_confirmation() {
        var server = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES)
                .server();
        long token = aTokenHolding(admin.user(), "orders:read");

        assertThatThrownBy(() -> servers.delete(admin, server.id(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("1 token holds scopes of “Orders”. Confirm to delete it and remove its scopes from them.");
        assertThat(store.find(server.id())).isPresent();

        servers.delete(admin, server.id(), true);

        assertThat(store.find(server.id())).isEmpty();
        assertThat(scopesOf(token)).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().action())
                .isEqualTo(AuditAction.RESOURCE_SERVER_DELETED);
    }

    @Test
    void counts_the_tokens_not_revoked_that_hold_any_of_a_servers_scopes() {
        var server = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES)
                .server();
        var other = servers.register(
                        admin,
                        "Billing",
                        "https://billing.example.com",
                        "",
                        List.of(ScopeDefinition.of("bills:read", "Read bills")))
                .server();
        long both = aTokenHolding(admin.user(), "orders:read");
        TestDatabase.dsl()
                .execute(
                        "insert into api_token_scope (token_id, scope_id) values (?, ?)",
                        both,
                        scopeId("orders:write"));
        aTokenHolding(admin.user(), "orders:write");
        long revoked = aTokenHolding(admin.user(), "orders:read");
        TestDatabase.dsl().execute("update api_token set revoked_at = now() where id = ?", revoked);
        aTokenHolding(admin.user(), "bills:read");

        assertThat(servers.tokensHoldingScopesOf(admin, server.id())).isEqualTo(2);
        assertThat(servers.tokensHoldingScopesOf(admin, other.id())).isEqualTo(1);
        var user = actor("someone", Privilege.API_ACCESS);
        assertThatThrownBy(() -> servers.tokensHoldingScopesOf(user, server.id()))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void the_built_in_server_cannot_be_changed_disabled_rekeyed_or_deleted() {
        var builtIn = servers.list(admin).getFirst();

        for (Callable<?> attempt : List.<Callable<?>>of(
                () -> servers.change(admin, builtIn.id(), "X", "urn:x:y", "", ORDER_SCOPES, true),
                () -> servers.setEnabled(admin, builtIn.id(), false),
                () -> servers.regenerateSecret(admin, builtIn.id()),
                () -> {
                    servers.delete(admin, builtIn.id(), true);
                    return null;
                })) {
            assertThatThrownBy(attempt::call).isInstanceOf(ConflictException.class);
        }
        assertThat(servers.list(admin).getFirst()).isEqualTo(builtIn);
    }

    @Test
    void regenerating_replaces_the_secret_at_once() {
        var registered = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES);
        var clientId = registered.server().clientId();

        var again = servers.regenerateSecret(admin, registered.server().id());

        assertThat(again.secret().reveal()).isNotEqualTo(registered.secret().reveal());
        assertThat(store.findByCredential(clientId, registered.secret().digest()))
                .isEmpty();
        assertThat(store.findByCredential(clientId, again.secret().digest())).isPresent();
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().details())
                .doesNotContain(again.secret().reveal());
    }

    @Test
    void disabling_and_enabling_is_audited_and_a_no_op_is_not() {
        var server = servers.register(admin, "Orders", "https://orders.example.com", "", ORDER_SCOPES)
                .server();

        assertThat(servers.setEnabled(admin, server.id(), false).enabled()).isFalse();
        servers.setEnabled(admin, server.id(), false);
        assertThat(servers.setEnabled(admin, server.id(), true).enabled()).isTrue();

        assertThat(audit.search(AuditFilter.ALL, 0, 3).stream().map(event -> event.action()))
                .containsExactly(
                        AuditAction.RESOURCE_SERVER_ENABLED,
                        AuditAction.RESOURCE_SERVER_DISABLED,
                        AuditAction.RESOURCE_SERVER_REGISTERED);
    }

    @Test
    void only_enabled_administrators_manage_resource_servers() {
        var user = actor("alice", Privilege.API_ACCESS);

        assertThatThrownBy(() -> servers.list(user)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> servers.register(user, "Orders", "https://orders.example.com", "", ORDER_SCOPES))
                .isInstanceOf(NotAllowedException.class);
        TestDatabase.dsl()
                .execute(
                        "update app_user set enabled = false where id = ?",
                        admin.id().value());
        assertThatThrownBy(() -> servers.list(admin)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void concurrent_registrations_of_the_same_scope_leave_one_owner() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            var attempts = pool.invokeAll(java.util.stream.IntStream.range(0, 8)
                    .<Callable<ResourceServer>>mapToObj(i -> () -> servers.register(
                                    admin,
                                    "Server " + i,
                                    "https://s" + i + ".example.com",
                                    "",
                                    List.of(ScopeDefinition.of("shared:read", "Shared")))
                            .server())
                    .toList());
            long succeeded = attempts.stream()
                    .filter(future -> {
                        try {
                            future.get();
                            return true;
                        } catch (Exception e) {
                            assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
                            return false;
                        }
                    })
                    .count();
            assertThat(succeeded).isEqualTo(1);
        }
        assertThat(servers.list(admin)).hasSize(2);
    }

    private long scopeId(String scope) {
        return TestDatabase.dsl()
                .fetchSingle("select id from resource_server_scope where scope = ?", scope)
                .get(0, Long.class);
    }

    private long aTokenHolding(User owner, String scope) {
        long token = TestDatabase.dsl()
                .fetchSingle(
                        "insert into api_token (owner_id, name, name_key, digest, hint, created_at)"
                                + " values (?, ?, ?, sha256(random()::text::bytea), 'tkp_Abcd…Wxyz', now())"
                                + " returning id",
                        owner.id().value(),
                        "ci " + ++tokens,
                        "ci " + tokens)
                .get(0, Long.class);
        TestDatabase.dsl()
                .execute("insert into api_token_scope (token_id, scope_id) values (?, ?)", token, scopeId(scope));
        return token;
    }

    private List<String> scopesOf(long token) {
        return TestDatabase.dsl()
                .fetch(
                        "select s.scope from api_token_scope t join resource_server_scope s on s.id = t.scope_id"
                                + " where t.token_id = ? order by s.scope",
                        token)
                .getValues(0, String.class);
    }

    private Actor actor(String username, Privilege privilege) {
        User user = users.create(
                new NewUser(new Username(username), DisplayName.of(username), null, "{test}x", EnumSet.of(privilege)),
                CLOCK.instant());
        return new Actor(user, "192.0.2.1");
    }
}
