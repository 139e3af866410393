package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.CLIENT_ADDRESS;
import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static io.tokenkeeper.persistence.token.TokenTestData.aUser;
import static io.tokenkeeper.persistence.token.TokenTestData.actor;
import static io.tokenkeeper.persistence.token.TokenTestData.anAdministrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.QuotaPolicy;
import io.tokenkeeper.domain.token.TokenChanges;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenQuota;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String NO_API_ACCESS = "You need the API Access privilege to manage API tokens.";
    private static final String NOT_FOUND = "This token does not exist.";
    private static final String DUPLICATE_NAME = "You already have a token with this name.";
    private static final String QUOTA_REACHED = "You can have at most 5 API tokens.";

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqUserStore users = new JooqUserStore(dsl);
    private final JooqAuditLog audit = new JooqAuditLog(dsl);
    private final TokenService service = serviceAt(NOW);

    private User alice;
    private User bob;
    private User admin;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        alice = aTokenUser("alice");
        bob = aTokenUser("bob");
        admin = anAdministrator("root");
    }

    @Test
    void generate_returns_a_value_that_parses_and_stores_only_its_digest_and_hint() {
        var expiry = Instant.parse("2027-01-01T00:00:00Z");

        var generated = service.generate(actor(alice), "  CI deploy ", expiry);

        var secret = generated.secret();
        var token = generated.token();
        assertThat(TokenSecret.parse(secret.reveal())).contains(secret);
        assertThat(token.ownerId()).isEqualTo(alice.id());
        assertThat(token.name().value()).isEqualTo("CI deploy");
        assertThat(token.hint()).isEqualTo(secret.hint());
        assertThat(token.enabled()).isTrue();
        assertThat(token.createdAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(expiry);
        assertThat(tokens.findByDigest(secret.digest())).contains(token);
        assertThat(service.listOwn(actor(alice))).containsExactly(token);
    }

    @Test
    void generate_writes_one_audit_event_naming_the_token_by_its_hint() {
        var generated = service.generate(actor(alice), "CI deploy", Instant.parse("2027-01-01T00:00:00Z"));
        service.generate(actor(alice), "Backup", null);

        var events = audit.search(AuditFilter.ALL, 0, 10);
        var hint = generated.token().hint().value();
        assertThat(events).hasSize(2);
        assertThat(events.getLast())
                .isEqualTo(new AuditEvent(
                        NOW,
                        alice.id(),
                        "alice",
                        AuditAction.TOKEN_CREATED,
                        "token",
                        Long.toString(generated.token().id().value()),
                        "CI deploy",
                        "Created “CI deploy” (" + hint
                                + "), expires 2027-01-01T00:00:00Z, scopes tokenkeeper:read tokenkeeper:write",
                        CLIENT_ADDRESS));
        assertThat(events.getFirst().details()).endsWith(", never expires, scopes tokenkeeper:read tokenkeeper:write");
    }

    @Test
    void no_column_of_any_table_holds_a_token_value_or_its_digest_as_text() {
        var generated = new ArrayList<GeneratedToken>();
        generated.add(service.generate(actor(alice), "First", null));
        generated.add(service.generate(actor(alice), "Second", NOW.plus(7, ChronoUnit.DAYS)));
        generated.add(service.generate(actor(bob), "Third", null));
        service.rename(actor(alice), generated.getFirst().token().id(), "Renamed");
        service.disable(actor(alice), generated.get(1).token().id());
        service.revoke(actor(admin), generated.get(2).token().id());

        for (var each : generated) {
            var secret = each.secret();
            var value = secret.reveal();
            var unshown = value.substring(8, 36);
            var digestHex = HexFormat.of().formatHex(secret.digest().bytes());
            var storedDigests = new ArrayList<String>();
            forEveryStoredValue(stored -> {
                if (stored instanceof byte[] bytes) {
                    var hex = HexFormat.of().formatHex(bytes);
                    assertThat(hex).doesNotContain(asciiHex(value)).doesNotContain(asciiHex(unshown));
                    if (hex.equals(digestHex)) {
                        storedDigests.add(hex);
                    }
                } else {
                    assertThat(String.valueOf(stored))
                            .doesNotContain(value)
                            .doesNotContain(unshown)
                            .doesNotContainIgnoringCase(digestHex);
                }
            });
            assertThat(storedDigests).as("the digest column is scanned too").hasSize(1);
        }
    }

    @Test
    void fifty_concurrent_generations_leave_exactly_the_quota_of_tokens() throws Exception {
        var outcomes = concurrently(50, i -> service.generate(actor(alice), "Token " + i, null));

        assertThat(outcomes.generated()).hasSize(5);
        assertThat(outcomes.failures()).hasSize(45).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(ConflictException.class)
                .hasMessage(QUOTA_REACHED));
        assertThat(rowCount("api_token where owner_id = " + alice.id().value())).isEqualTo(5);
        assertThat(rowCount("audit_event where action = 'TOKEN_CREATED'")).isEqualTo(5);
        assertThat(service.listOwn(actor(alice)))
                .containsExactlyInAnyOrderElementsOf(
                        outcomes.generated().stream().map(GeneratedToken::token).toList());
    }

    @Test
    void twenty_concurrent_generations_with_one_name_leave_exactly_one_token() throws Exception {
        var outcomes = concurrently(20, i -> service.generate(actor(alice), i % 2 == 0 ? "Deploy" : "DEPLOY", null));

        assertThat(outcomes.generated()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(19).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessage(DUPLICATE_NAME));
        assertThat(rowCount("api_token")).isEqualTo(1);
        assertThat(rowCount("audit_event")).isEqualTo(1);
    }

    @Test
    void refuses_a_sixth_token_and_reports_the_quota() {
        for (int i = 1; i <= 5; i++) {
            service.generate(actor(alice), "Token " + i, null);
        }

        var usage = service.quota(actor(alice));
        assertThat(usage.used()).isEqualTo(5);
        assertThat(usage.quota()).isEqualTo(TokenQuota.DEFAULT);
        assertThat(usage.canGenerate()).isFalse();
        assertThat(usage.limitMessage()).isEqualTo(QUOTA_REACHED);
        assertThatThrownBy(() -> service.generate(actor(alice), "Token 6", null))
                .isInstanceOf(ConflictException.class)
                .hasMessage(QUOTA_REACHED);
        assertThat(rowCount("api_token")).isEqualTo(5);
        assertThat(service.quota(actor(bob)).canGenerate()).isTrue();
    }

    @Test
    void revoked_tokens_do_not_count_toward_the_quota() {
        var first = service.generate(actor(alice), "Token 1", null);
        for (int i = 2; i <= 5; i++) {
            service.generate(actor(alice), "Token " + i, null);
        }

        service.revoke(actor(alice), first.token().id());

        assertThat(service.quota(actor(alice)).used()).isEqualTo(4);
        assertThat(service.quota(actor(alice)).canGenerate()).isTrue();
        service.generate(actor(alice), "Token 6", null);
        assertThat(service.listOwn(actor(alice))).hasSize(5);
        assertThat(rowCount("api_token")).isEqualTo(6);
    }

    @Test
    void asks_the_quota_policy_about_each_owner() {
        QuotaPolicy bobHasOne = owner -> owner.equals(bob.id()) ? new TokenQuota(1) : TokenQuota.DEFAULT;
        var strict = TokenTestData.tokenService().quotas(bobHasOne).build();
        strict.generate(actor(bob), "Only", null);
        strict.generate(actor(alice), "First", null);

        assertThatThrownBy(() -> strict.generate(actor(bob), "Second", null))
                .isInstanceOf(ConflictException.class)
                .hasMessage("You can have at most 1 API token.");
        assertThat(strict.quota(actor(alice)).canGenerate()).isTrue();
    }

    @Test
    void generate_checks_the_name_and_the_expiry_before_writing() {
        service.generate(actor(alice), "Deploy", null);

        assertInvalid(() -> service.generate(actor(alice), "   ", null), "name", "Enter a name for the token.");
        assertInvalid(() -> service.generate(actor(alice), null, null), "name", "Enter a name for the token.");
        assertInvalid(() -> service.generate(actor(alice), "dEPLOY", null), "name", DUPLICATE_NAME);
        assertInvalid(
                () -> service.generate(actor(alice), "Later", NOW),
                "expiresAt",
                "Choose an expiry date in the future.");
        assertInvalid(
                () -> service.generate(actor(alice), "Later", NOW.minusSeconds(1)),
                "expiresAt",
                "Choose an expiry date in the future.");
        assertInvalid(
                () -> service.generate(actor(alice), "Later", Instant.parse("+10000-01-01T00:00:00Z")),
                "expiresAt",
                "Choose an expiry date before the year 10000.");
        assertThat(rowCount("api_token")).isEqualTo(1);
        assertThat(rowCount("audit_event")).isEqualTo(1);
    }

    @Test
    void lists_own_active_tokens_newest_first() {
        var older = service.generate(actor(alice), "Older", null).token();
        var newer = serviceAt(NOW.plusSeconds(3600))
                .generate(actor(alice), "Newer", null)
                .token();
        var revoked = service.generate(actor(alice), "Revoked", null).token();
        service.revoke(actor(alice), revoked.id());
        service.generate(actor(bob), "Bob's", null);

        assertThat(service.listOwn(actor(alice))).containsExactly(newer, older);
    }

    @Test
    void a_user_without_api_access_is_refused_everything() {
        var carol = actor(aUser("carol"));
        var alicesToken = service.generate(actor(alice), "Deploy", null).token().id();

        assertAccessDenied(() -> service.listOwn(carol));
        assertAccessDenied(() -> service.quota(carol));
        assertAccessDenied(() -> service.generate(carol, "Mine", null));
        assertAccessDenied(() -> service.rename(carol, alicesToken, "Taken"));
        assertAccessDenied(() -> service.disable(carol, alicesToken));
        assertAccessDenied(() -> service.revoke(carol, alicesToken));
        assertThat(rowCount("api_token")).isEqualTo(1);
        assertThat(rowCount("audit_event")).isEqualTo(1);
    }

    @Test
    void losing_api_access_takes_effect_at_once_even_for_an_actor_read_earlier() {
        var staleAlice = actor(alice);
        var token = service.generate(staleAlice, "Deploy", null).token();

        dsl.execute("delete from user_privilege where user_id = ?", alice.id().value());

        assertAccessDenied(() -> service.listOwn(staleAlice));
        assertAccessDenied(() -> service.generate(staleAlice, "Another", null));
        assertAccessDenied(() -> service.disable(staleAlice, token.id()));
        assertThat(tokens.find(token.id())).contains(token);
    }

    @Test
    void a_disabled_actor_is_refused_even_as_an_administrator() {
        var token = service.generate(actor(alice), "Deploy", null).token();
        var staleAlice = actor(alice);
        var staleAdmin = actor(admin);

        dsl.execute(
                "update app_user set enabled = false where id in (?, ?)",
                alice.id().value(),
                admin.id().value());

        assertAccessDenied(() -> service.listOwn(staleAlice));
        assertAccessDenied(() -> service.generate(staleAlice, "Another", null));
        assertAccessDenied(() -> service.rename(staleAlice, token.id(), "Other"));
        assertAccessDenied(() -> service.revoke(staleAlice, token.id()));
        assertAccessDenied(() -> service.disable(staleAdmin, token.id()));
        assertThat(tokens.find(token.id())).contains(token);
        assertThat(rowCount("audit_event")).isEqualTo(1);
    }

    @Test
    void another_users_token_looks_exactly_like_a_missing_one() {
        var token = service.generate(actor(alice), "Deploy", null).token();
        var bobActs = actor(bob);
        var missing = new TokenId(token.id().value() + 1000);

        for (var id : List.of(token.id(), missing)) {
            assertNotFound(() -> service.rename(bobActs, id, "Mine now"));
            assertNotFound(() -> service.disable(bobActs, id));
            assertNotFound(() -> service.enable(bobActs, id));
            assertNotFound(() -> service.revoke(bobActs, id));
        }
        assertThat(tokens.find(token.id())).contains(token);
        assertThat(service.listOwn(bobActs)).isEmpty();
        assertThat(rowCount("audit_event")).isEqualTo(1);
    }

    @Test
    void an_administrator_can_disable_and_revoke_another_users_token() {
        var token = service.generate(actor(alice), "Deploy", null).token();
        var hint = token.hint().value();

        var disabled = service.disable(actor(admin), token.id());
        var revoked = service.revoke(actor(admin), token.id());

        assertThat(disabled.enabled()).isFalse();
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(tokens.find(token.id())).contains(revoked);
        assertThat(dsl.fetchValue(
                        "select revoked_by from api_token where id = ?",
                        token.id().value()))
                .isEqualTo(admin.id().value());
        assertThat(service.listOwn(actor(alice))).isEmpty();
        assertThat(audit.search(AuditFilter.ALL, 0, 2))
                .extracting(AuditEvent::action, AuditEvent::actorId, AuditEvent::actorName, AuditEvent::details)
                .containsExactly(
                        tuple(
                                AuditAction.TOKEN_REVOKED,
                                admin.id(),
                                "root",
                                "Revoked “Deploy” (" + hint + ") by an administrator (owner: alice)"),
                        tuple(
                                AuditAction.TOKEN_DISABLED,
                                admin.id(),
                                "root",
                                "Disabled “Deploy” (" + hint + ") by an administrator (owner: alice)"));
    }

    @Test
    void a_revoked_token_is_missing_for_every_change_even_for_an_administrator() {
        var token = service.generate(actor(alice), "Deploy", null).token();
        service.revoke(actor(alice), token.id());

        for (var someone : List.of(actor(alice), actor(admin))) {
            assertNotFound(() -> service.rename(someone, token.id(), "Other"));
            assertNotFound(() -> service.disable(someone, token.id()));
            assertNotFound(() -> service.enable(someone, token.id()));
            assertNotFound(() -> service.revoke(someone, token.id()));
        }
        assertThat(rowCount("audit_event")).isEqualTo(2);
    }

    @Test
    void every_change_writes_exactly_one_audit_event() {
        var generated = service.generate(actor(alice), "Deploy", null);
        var id = generated.token().id();
        var hint = generated.token().hint().value();

        service.rename(actor(alice), id, "Backup");
        service.disable(actor(alice), id);
        service.enable(actor(alice), id);
        service.revoke(actor(alice), id);

        var events = audit.search(AuditFilter.ALL, 0, 10).reversed();
        assertThat(events)
                .extracting(AuditEvent::action)
                .containsExactly(
                        AuditAction.TOKEN_CREATED,
                        AuditAction.TOKEN_RENAMED,
                        AuditAction.TOKEN_DISABLED,
                        AuditAction.TOKEN_ENABLED,
                        AuditAction.TOKEN_REVOKED);
        assertThat(events)
                .extracting(AuditEvent::details)
                .containsExactly(
                        "Created “Deploy” (" + hint + "), never expires, scopes tokenkeeper:read tokenkeeper:write",
                        "Renamed “Deploy” to “Backup”",
                        "Disabled “Backup” (" + hint + ")",
                        "Enabled “Backup” (" + hint + ")",
                        "Revoked “Backup” (" + hint + ")");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.actorId()).isEqualTo(alice.id());
            assertThat(event.actorName()).isEqualTo("alice");
            assertThat(event.targetType()).isEqualTo("token");
            assertThat(event.targetId()).isEqualTo(Long.toString(id.value()));
            assertThat(event.clientAddress()).isEqualTo(CLIENT_ADDRESS);
            assertThat(event.details()).doesNotContain(generated.secret().reveal());
        });
        assertThat(events)
                .extracting(AuditEvent::targetName)
                .containsExactly("Deploy", "Backup", "Backup", "Backup", "Backup");
    }

    @Test
    void tells_the_change_port_about_every_rename_switch_and_revocation() {
        var heard = new ArrayList<TokenId>();
        var listening = serviceTelling(new TokenChanges() {
            @Override
            public void tokenChanged(TokenId token) {
                heard.add(token);
            }

            @Override
            public void ownerChanged(UserId owner) {
                throw new AssertionError("The token service changes no owner");
            }
        });
        var id = listening.generate(actor(alice), "Deploy", null).token().id();

        listening.rename(actor(alice), id, "Backup");
        listening.rename(actor(alice), id, "Backup");
        listening.disable(actor(alice), id);
        listening.disable(actor(alice), id);
        listening.enable(actor(alice), id);
        listening.revoke(actor(admin), id);

        assertThat(heard).containsExactly(id, id, id, id);
    }

    @Test
    void a_change_port_that_fails_rolls_the_change_back() {
        var id = service.generate(actor(alice), "Deploy", null).token().id();
        var failing = serviceTelling(new TokenChanges() {
            @Override
            public void tokenChanged(TokenId token) {
                throw new IllegalStateException("cannot tell the caches");
            }

            @Override
            public void ownerChanged(UserId owner) {}
        });

        assertThatThrownBy(() -> failing.revoke(actor(alice), id)).hasMessage("cannot tell the caches");
        assertThatThrownBy(() -> failing.disable(actor(alice), id)).hasMessage("cannot tell the caches");

        assertThat(tokens.find(id)).hasValueSatisfying(token -> {
            assertThat(token.isRevoked()).isFalse();
            assertThat(token.enabled()).isTrue();
        });
        assertThat(rowCount("audit_event")).isEqualTo(1);
    }

    @Test
    void changes_that_change_nothing_write_nothing() {
        var token = service.generate(actor(alice), "Deploy", null).token();

        assertThat(service.rename(actor(alice), token.id(), "  Deploy ")).isEqualTo(token);
        assertThat(service.enable(actor(alice), token.id())).isEqualTo(token);
        var disabled = service.disable(actor(alice), token.id());
        assertThat(service.disable(actor(alice), token.id())).isEqualTo(disabled);

        assertThat(audit.search(AuditFilter.ALL, 0, 10))
                .extracting(AuditEvent::action)
                .containsExactly(AuditAction.TOKEN_DISABLED, AuditAction.TOKEN_CREATED);
    }

    @Test
    void rename_keeps_names_unique_but_may_change_the_case_of_its_own() {
        service.generate(actor(alice), "Deploy", null);
        var backup = service.generate(actor(alice), "Backup", null).token();

        assertInvalid(() -> service.rename(actor(alice), backup.id(), "DEPLOY"), "name", DUPLICATE_NAME);
        assertInvalid(() -> service.rename(actor(alice), backup.id(), " "), "name", "Enter a name for the token.");
        var recased = service.rename(actor(alice), backup.id(), "BACKUP");

        assertThat(recased.name().value()).isEqualTo("BACKUP");
        assertThat(tokens.find(backup.id())).contains(recased);
        assertThat(recased.hint()).isEqualTo(backup.hint());
    }

    private TokenService serviceAt(Instant now) {
        return TokenTestData.tokenService().at(now).build();
    }

    private TokenService serviceTelling(TokenChanges changes) {
        return TokenTestData.tokenService().telling(changes).build();
    }

    private record Outcomes(List<GeneratedToken> generated, List<Throwable> failures) {}

    /** Runs {@code calls} calls on 16 threads, all released at once. */
    private static Outcomes concurrently(int calls, IntFunction<GeneratedToken> call) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<GeneratedToken>>();
        var outcomes = new Outcomes(new ArrayList<>(), new ArrayList<>());
        try (var threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            for (var future : futures) {
                try {
                    outcomes.generated().add(future.get());
                } catch (ExecutionException e) {
                    outcomes.failures().add(e.getCause());
                }
            }
        }
        return outcomes;
    }

    /** Hands every value of every row of every application table to {@code check}. */
    private void forEveryStoredValue(Consumer<Object> check) {
        var tables = dsl.fetch("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_name <> 'flyway_schema_history'")
                .getValues(0, String.class);
        assertThat(tables).contains("api_token", "audit_event", "app_user");
        for (var table : tables) {
            for (var row : dsl.fetch("select * from " + dsl.render(DSL.name(table)))) {
                for (var value : row.intoArray()) {
                    if (value != null) {
                        check.accept(value);
                    }
                }
            }
        }
    }

    private static String asciiHex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }

    private int rowCount(String fromWhere) {
        return dsl.fetchSingle("select count(*) from " + fromWhere).get(0, Integer.class);
    }

    private static void assertAccessDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(NotAllowedException.class).hasMessage(NO_API_ACCESS);
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class).hasMessage(NOT_FOUND);
    }

    private static void assertInvalid(Runnable call, String field, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }
}
