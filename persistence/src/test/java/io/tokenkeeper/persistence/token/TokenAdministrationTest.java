package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenManagementTestData.aToken;
import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static io.tokenkeeper.persistence.token.TokenTestData.actor;
import static io.tokenkeeper.persistence.token.TokenTestData.anAdministrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.JooqTransactions;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' side of tokens, against the real database: search, freeze and unfreeze. */
class TokenAdministrationTest {

    private static final String ADMINISTRATORS_ONLY = "Only administrators can manage everyone's tokens.";
    private static final String REASON = "Leaked in a public CI log";

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTokenFreezes freezes = new JooqTokenFreezes(dsl);
    private final JooqAuditLog audit = new JooqAuditLog(dsl);
    private final List<UserId> changedOwners = new CopyOnWriteArrayList<>();
    private final TokenAdministration administration = new TokenAdministration(
            new JooqTokenDirectory(dsl),
            freezes,
            tokens,
            new JooqUserStore(dsl),
            audit,
            new JooqTransactions(dsl),
            Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC),
            new TokenChanges() {
                @Override
                public void tokenChanged(TokenId token) {}

                @Override
                public void ownerChanged(UserId owner) {
                    changedOwners.add(owner);
                }
            });

    private Actor admin;
    private User alice;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        admin = actor(anAdministrator("root"));
        alice = aTokenUser("alice");
    }

    @Test
    void an_owner_cannot_switch_a_frozen_token_back_on_but_an_administrator_can() {
        var token = aToken(alice, "deploy").store();
        var service = TokenTestData.tokenService()
                .at(NOW.plus(Duration.ofMinutes(10)))
                .build();
        administration.freeze(admin, "alice", REASON);

        assertThatThrownBy(() -> service.enable(actor(alice), token.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("An administrator has frozen your tokens, so this one stays disabled until they"
                        + " unfreeze them.");
        assertThat(tokens.find(token.id()).orElseThrow().enabled()).isFalse();

        assertThat(service.enable(admin, token.id()).enabled()).isTrue();
    }

    @Test
    void an_administrator_searches_and_counts_everyones_tokens() {
        var own = aToken(alice, "deploy").store();
        aToken(aTokenUser("bob"), "backup").store();

        assertThat(administration.search(admin, TokenSearch.ALL.matching("alice"), 0, 10))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.token()).isEqualTo(own);
                    assertThat(row.owner()).isEqualTo(alice.username());
                });
        assertThat(administration.count(admin, TokenSearch.ALL)).isEqualTo(2);
    }

    @Test
    void refuses_everyone_but_an_enabled_administrator_as_stored_now() {
        var plain = actor(aTokenUser("plain"));
        var formerAdmin = actor(anAdministrator("former"));
        dsl.execute(
                "delete from user_privilege where user_id = ? and privilege = 'ADMINISTRATOR'",
                formerAdmin.id().value());
        var disabledAdmin = actor(anAdministrator("disabled"));
        dsl.execute(
                "update app_user set enabled = false where id = ?",
                disabledAdmin.id().value());
        aToken(alice, "deploy").store();

        for (var refused : List.of(plain, formerAdmin, disabledAdmin)) {
            assertRefused(() -> administration.search(refused, TokenSearch.ALL, 0, 10));
            assertRefused(() -> administration.count(refused, TokenSearch.ALL));
            assertRefused(() -> administration.freeze(refused, "alice", REASON));
            assertRefused(() -> administration.unfreeze(refused, "alice"));
        }
        assertThat(freezes.isFrozen(alice.id())).isFalse();
        assertThat(tokens.listActive(alice.id())).allMatch(Token::enabled);
    }

    @Test
    void lists_at_most_one_page_and_no_further_than_the_listing_limit() {
        dsl.execute("""
                insert into api_token (owner_id, name, name_key, digest, hint, created_at)
                select ?, 'bulk ' || i, 'bulk ' || i, sha256(i::text::bytea), 'tkp_abcd…wxyz',
                       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second'
                from generate_series(1, 10050) as i
                """, alice.id().value());

        assertThat(administration.search(admin, TokenSearch.ALL, 0, 10_000)).hasSize(TokenAdministration.MAX_PAGE_SIZE);
        assertThat(administration.search(admin, TokenSearch.ALL, 9_990, 50)).hasSize(10);
        assertThat(administration.search(admin, TokenSearch.ALL, TokenAdministration.MAX_LISTED, 50))
                .isEmpty();
        assertThat(administration.search(admin, TokenSearch.ALL, 0, 0)).isEmpty();
        assertThat(administration.count(admin, TokenSearch.ALL)).isEqualTo(TokenAdministration.MAX_LISTED + 1);
        assertThatThrownBy(() -> administration.search(admin, TokenSearch.ALL, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freezes_exactly_the_enabled_tokens_and_unfreezing_enables_exactly_those() {
        var first = aToken(alice, "first").createdAt(NOW.minusSeconds(20)).store();
        var second = aToken(alice, "second").createdAt(NOW.minusSeconds(10)).store();
        var disabledBefore = aToken(alice, "disabled before").disabled().store();
        var revoked = aToken(alice, "revoked").revoked().store();
        var someoneElses = aToken(aTokenUser("bob"), "bob's").store();

        var frozen = administration.freeze(admin, "ALICE", REASON);

        assertThat(frozen.owner()).isEqualTo(alice.username());
        assertThat(ids(frozen.tokens())).containsExactly(second.id(), first.id());
        assertThat(frozen.tokens()).noneMatch(Token::enabled);
        assertThat(stored(first).enabled()).isFalse();
        assertThat(stored(second).enabled()).isFalse();
        assertThat(stored(someoneElses).enabled()).isTrue();
        assertThat(freezes.isFrozen(alice.id())).isTrue();
        assertThat(freezes.heldByFreeze(alice.id())).containsExactlyInAnyOrder(first.id(), second.id());

        var unfrozen = administration.unfreeze(admin, "alice");

        assertThat(ids(unfrozen.tokens())).containsExactly(second.id(), first.id());
        assertThat(stored(first).enabled()).isTrue();
        assertThat(stored(second).enabled()).isTrue();
        assertThat(stored(disabledBefore).enabled()).isFalse();
        assertThat(stored(revoked).enabled()).isTrue();
        assertThat(stored(revoked).isRevoked()).isTrue();
        assertThat(freezes.isFrozen(alice.id())).isFalse();
        assertThat(freezes.heldByFreeze(alice.id())).isEmpty();
    }

    @Test
    void unfreezing_leaves_alone_the_tokens_someone_enabled_or_revoked_meanwhile() {
        var reenabled = aToken(alice, "re-enabled").store();
        var revoked = aToken(alice, "revoked meanwhile").store();
        var stillFrozen = aToken(alice, "still frozen").store();
        administration.freeze(admin, "alice", REASON);
        tokens.setEnabled(reenabled.id(), true);
        tokens.revoke(revoked.id(), alice.id(), NOW);
        var createdMeanwhile = aToken(alice, "created meanwhile").disabled().store();

        var unfrozen = administration.unfreeze(admin, "alice");

        assertThat(ids(unfrozen.tokens())).containsExactly(stillFrozen.id());
        assertThat(stored(stillFrozen).enabled()).isTrue();
        assertThat(stored(reenabled).enabled()).isTrue();
        assertThat(stored(revoked).enabled()).isFalse();
        assertThat(stored(createdMeanwhile).enabled()).isFalse();
    }

    @Test
    void a_user_has_one_active_freeze_at_a_time() {
        var token = aToken(alice, "deploy").store();
        administration.freeze(admin, "alice", REASON);

        assertThatThrownBy(() -> administration.freeze(admin, "alice", "again"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("alice's tokens are already frozen.");
        administration.unfreeze(admin, "alice");
        assertThatThrownBy(() -> administration.unfreeze(admin, "alice"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("alice's tokens are not frozen.");

        var again = administration.freeze(admin, "alice", "Second incident");
        assertThat(ids(again.tokens())).containsExactly(token.id());
        assertThat(dsl.fetchCount(dsl.selectFrom("token_freeze")
                        .where("owner_id = ?", alice.id().value())))
                .isEqualTo(2);
    }

    @Test
    void the_database_refuses_a_second_active_freeze_even_without_the_service() {
        freezes.freeze(alice.id(), REASON, admin.id(), NOW);

        assertThatThrownBy(() -> freezes.freeze(alice.id(), REASON, admin.id(), NOW))
                .isInstanceOf(ConflictException.class);
        freezes.unfreeze(alice.id(), admin.id(), NOW);
        assertThatThrownBy(() -> freezes.unfreeze(alice.id(), admin.id(), NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void two_administrators_freezing_the_same_user_at_once_freeze_once() throws Exception {
        aToken(alice, "deploy").store();
        var other = actor(anAdministrator("other"));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        var results = new ArrayList<Future<?>>();
        try {
            for (var freezer : List.of(admin, other)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return administration.freeze(freezer, "alice", REASON);
                }));
            }
            start.countDown();
            int refused = 0;
            for (var result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("token_freeze"))).isEqualTo(1);
    }

    @Test
    void freezing_a_user_without_enabled_tokens_freezes_none_and_says_so() {
        aToken(alice, "disabled").disabled().store();

        var frozen = administration.freeze(admin, "alice", REASON);

        assertThat(frozen.tokens()).isEmpty();
        assertThat(freezes.isFrozen(alice.id())).isTrue();
        assertThat(audit.search(AuditFilter.ALL, 0, 1).getFirst().details()).startsWith("Froze no tokens");
        assertThat(administration.unfreeze(admin, "alice").tokens()).isEmpty();
    }

    @Test
    void names_the_field_of_a_missing_or_unknown_username_and_a_bad_reason() {
        assertInvalid(() -> administration.freeze(admin, " ", REASON), "username", "Enter a username.");
        assertInvalid(
                () -> administration.freeze(admin, "nobody", REASON),
                "username",
                "There is no user with this username.");
        assertInvalid(
                () -> administration.freeze(admin, "not a name!", REASON),
                "username",
                "There is no user with this username.");
        assertInvalid(() -> administration.unfreeze(admin, null), "username", "Enter a username.");
        assertInvalid(() -> administration.freeze(admin, "alice", "  "), "reason", "Enter a reason.");
        assertInvalid(
                () -> administration.freeze(admin, "alice", "x".repeat(501)),
                "reason",
                "Use at most 500 characters (this has 501).");
        assertInvalid(
                () -> administration.freeze(admin, "alice", "two\nlines"),
                "reason",
                "This contains an invisible or control character; remove it.");

        assertThat(administration.freeze(admin, "alice", "é".repeat(500)).owner())
                .isEqualTo(alice.username());
    }

    @Test
    void audits_both_steps_and_tells_the_token_cache_about_the_owner() {
        var token = aToken(alice, "deploy").store();

        administration.freeze(admin, "alice", REASON);
        administration.unfreeze(admin, "alice");

        assertThat(changedOwners).containsExactly(alice.id(), alice.id());
        var events = audit.search(AuditFilter.ALL, 0, 2);
        assertThat(events)
                .extracting(event -> event.action())
                .containsExactly(AuditAction.TOKENS_UNFROZEN, AuditAction.TOKENS_FROZEN);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.actorName()).isEqualTo("root");
            assertThat(event.targetType()).isEqualTo("user");
            assertThat(event.targetName()).isEqualTo("alice");
            assertThat(event.clientAddress()).isEqualTo(TokenTestData.CLIENT_ADDRESS);
            assertThat(event.details())
                    .contains("\u201Cdeploy\u201D (" + token.hint().value() + ")");
        });
        assertThat(events.getLast().details())
                .isEqualTo("Froze 1 token (reason: \u201C" + REASON + "\u201D): " + "\u201Cdeploy\u201D ("
                        + token.hint().value() + ").");
        assertThat(events.getFirst().details()).startsWith("Ended the freeze and enabled 1 token again");
    }

    private Token stored(Token token) {
        return tokens.find(token.id()).orElseThrow();
    }

    private static List<TokenId> ids(List<Token> list) {
        return list.stream().map(Token::id).toList();
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NotAllowedException.class).hasMessage(ADMINISTRATORS_ONLY);
    }

    private static void assertInvalid(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }
}
