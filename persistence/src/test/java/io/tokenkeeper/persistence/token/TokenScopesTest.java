package io.tokenkeeper.persistence.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.network.IpRange;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.resourceserver.ResourceServerAdministration;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.token.TokenRequest;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.policy.JooqPolicyStore;
import io.tokenkeeper.persistence.resourceserver.JooqResourceServerStore;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a token may do (its scopes) and where from (its allowed addresses), against the real database. */
class TokenScopesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final Scope ORDERS_READ = new Scope("orders:read");

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqUserStore users = new JooqUserStore(dsl);
    private final JooqAuditLog audit = new JooqAuditLog(dsl);
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTransactions transactions = new JooqTransactions(dsl);
    private final TokenService service = TokenTestData.tokenService().at(CLOCK).build();
    private final ResourceServerAdministration servers = new ResourceServerAdministration(
            new JooqResourceServerStore(dsl), users, audit, transactions, CLOCK, new SecureRandom(), () -> {});
    private final PolicyService policies =
            new PolicyService(new JooqPolicyStore(dsl, CLOCK), users, audit, transactions, CLOCK);

    private Actor alice;
    private Actor admin;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        alice = actor("alice", Privilege.API_ACCESS);
        admin = actor("root", Privilege.ADMINISTRATOR);
    }

    @Test
    void a_token_created_without_a_choice_gets_the_policys_default_scopes_and_works_anywhere() {
        var token = service.generate(alice, "CI", null).token();

        assertThat(token.scopes()).isEqualTo(Scope.TOKENKEEPER);
        assertThat(token.allowedRanges()).isEmpty();
        assertThat(tokens.find(token.id())).contains(token);
    }

    @Test
    void a_token_holds_exactly_the_scopes_chosen_and_the_addresses_allowed_in_their_order() {
        orders();

        var token = service.generate(
                        alice,
                        new TokenRequest(
                                "Orders reader",
                                null,
                                List.of(" orders:read ", "tokenkeeper:read", "orders:read"),
                                List.of("203.0.113.0/24", "", "2001:db8::1")))
                .token();

        assertThat(token.scopes()).containsExactlyInAnyOrder(ORDERS_READ, Scope.TOKENKEEPER_READ);
        assertThat(token.allowedRanges())
                .containsExactly(IpRange.parse("a", "203.0.113.0/24"), IpRange.parse("a", "2001:db8::1"));
        assertThat(tokens.find(token.id())).contains(token);
        assertThat(new JooqTokenGrants(dsl)
                        .findByDigest(digestOf(token))
                        .orElseThrow()
                        .token())
                .isEqualTo(token);
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().details())
                .endsWith("scopes orders:read tokenkeeper:read, only from 203.0.113.0/24, 2001:db8:0:0:0:0:0:1");
    }

    @Test
    void unknown_scopes_those_of_a_disabled_server_and_no_scope_at_all_are_refused() {
        var server = orders();
        servers.setEnabled(admin, server, false);

        assertRefused(List.of("billing:read"), "There is no scope billing:read (or its resource server is disabled).");
        assertRefused(List.of("orders:read"), "There is no scope orders:read (or its resource server is disabled).");
        assertRefused(List.of(), "Choose at least one scope: a token without one could do nothing.");
        assertRefused(List.of("Orders"), Scope.RULE + " \"Orders\" is not.");
        assertThat(service.listOwn(alice)).isEmpty();
    }

    @Test
    void allowed_addresses_must_be_addresses_and_at_most_25() {
        assertThatThrownBy(() -> service.generate(alice, new TokenRequest("x", null, null, List.of("office"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("allowedAddresses"));
        var many = IntStream.range(0, 26).mapToObj(i -> "192.0.2." + i).toList();
        assertThatThrownBy(() -> service.generate(alice, new TokenRequest("x", null, null, many)))
                .hasMessage("A token allows at most 25 addresses or ranges.");
        assertThat(service.listOwn(alice)).isEmpty();
    }

    @Test
    void administrators_choose_the_default_scopes_and_new_tokens_get_them() {
        orders();

        policies.updateDefaultScopes(admin, List.of("tokenkeeper:read", "orders:read"));
        var token = service.generate(alice, "Reader", null).token();

        assertThat(policies.defaultScopes()).containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, ORDERS_READ);
        assertThat(token.scopes()).containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, ORDERS_READ);
        assertThat(audit.search(AuditFilter.ALL, 0, 10)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.POLICY_CHANGED);
            assertThat(event.details())
                    .isEqualTo("Changed default scopes of new tokens tokenkeeper:read tokenkeeper:write →"
                            + " orders:read tokenkeeper:read");
        });
        assertThatThrownBy(() -> policies.updateDefaultScopes(alice, List.of("tokenkeeper:read")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> policies.updateDefaultScopes(admin, List.of("nobody:defines")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("defaultScopes"));
        assertThat(policies.defaultScopes()).containsExactlyInAnyOrder(Scope.TOKENKEEPER_READ, ORDERS_READ);
    }

    @Test
    void a_token_loses_a_scope_its_resource_server_removes() {
        var server = orders();
        var token = service.generate(
                        alice, new TokenRequest("Orders", null, List.of("orders:read", "orders:write"), List.of()))
                .token();

        servers.change(
                admin,
                server,
                "Orders",
                "https://orders.example.com",
                "",
                List.of(ScopeDefinition.of("orders:read", "Read orders")),
                true);

        assertThat(tokens.find(token.id()).orElseThrow().scopes()).containsExactly(ORDERS_READ);
    }

    private io.tokenkeeper.domain.resourceserver.ResourceServerId orders() {
        return servers.register(
                        admin,
                        "Orders",
                        "https://orders.example.com",
                        "",
                        List.of(
                                ScopeDefinition.of("orders:read", "Read orders"),
                                ScopeDefinition.of("orders:write", "Place orders")))
                .server()
                .id();
    }

    private io.tokenkeeper.domain.token.TokenDigest digestOf(io.tokenkeeper.domain.token.Token token) {
        return new io.tokenkeeper.domain.token.TokenDigest(dsl.fetchSingle(
                        "select digest from api_token where id = ?", token.id().value())
                .get(0, byte[].class));
    }

    private void assertRefused(List<String> scopes, String message) {
        assertThatThrownBy(() -> service.generate(alice, new TokenRequest("x", null, scopes, List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("scopes");
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private Actor actor(String username, Privilege privilege) {
        var user = users.create(
                new NewUser(new Username(username), DisplayName.of(username), null, "{test}x", EnumSet.of(privilege)),
                CLOCK.instant());
        return new Actor(user, "192.0.2.1");
    }
}
