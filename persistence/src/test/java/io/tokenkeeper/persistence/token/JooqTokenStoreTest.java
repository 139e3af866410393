package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aNewToken;
import static io.tokenkeeper.persistence.token.TokenTestData.aSecret;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static io.tokenkeeper.persistence.token.TokenTestData.anAdministrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.NewToken;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqTokenStoreTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore store = new JooqTokenStore(dsl);

    private UserId alice;
    private UserId bob;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        alice = aTokenUser("alice").id();
        bob = aTokenUser("bob").id();
    }

    @Test
    void inserts_a_token_and_finds_it_by_id_and_by_digest() {
        var secret = aSecret();
        var expiry = NOW.plus(30, ChronoUnit.DAYS);
        var newToken = new NewToken(alice, TokenName.of("CI deploy"), secret.digest(), secret.hint(), NOW, expiry);

        Token token = store.insert(newToken);

        assertThat(token.ownerId()).isEqualTo(alice);
        assertThat(token.name()).isEqualTo(TokenName.of("CI deploy"));
        assertThat(token.hint()).isEqualTo(secret.hint());
        assertThat(token.enabled()).isTrue();
        assertThat(token.createdAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(expiry);
        assertThat(token.revokedAt()).isNull();
        assertThat(token.lastUsedAt()).isNull();
        assertThat(store.find(token.id())).contains(token);
        assertThat(store.findByDigest(secret.digest())).contains(token);
        assertThat(dsl.fetchValue(
                        "select digest from api_token where id = ?", token.id().value()))
                .isEqualTo(secret.digest().bytes());
        assertThat(dsl.fetchValue(
                        "select name_key from api_token where id = ?",
                        token.id().value()))
                .isEqualTo("ci deploy");
    }

    @Test
    void finds_nothing_for_an_unknown_id_or_digest() {
        store.insert(aNewToken(alice, "Deploy"));

        assertThat(store.find(new TokenId(4242))).isEmpty();
        assertThat(store.findByDigest(aSecret().digest())).isEmpty();
    }

    @Test
    void keeps_a_name_of_one_hundred_emoji() {
        var name = "🔑".repeat(TokenName.MAX_LENGTH);

        var token = store.insert(aNewToken(alice, name));

        assertThat(store.find(token.id()).orElseThrow().name().value()).isEqualTo(name);
    }

    @Test
    void lists_the_owners_tokens_that_are_not_revoked_newest_first() {
        var older = store.insert(aNewToken(alice, "Older"));
        var secret = aSecret();
        var newer = store.insert(
                new NewToken(alice, TokenName.of("Newer"), secret.digest(), secret.hint(), NOW.plusSeconds(60), null));
        var sameTimeHigherId = store.insert(aNewToken(alice, "Same time"));
        var revoked = store.insert(aNewToken(alice, "Revoked"));
        store.revoke(revoked.id(), alice, NOW.plusSeconds(1));
        store.insert(aNewToken(bob, "Bob's"));

        assertThat(store.listActive(alice)).containsExactly(newer, sameTimeHigherId, older);
        assertThat(store.countActive(alice)).isEqualTo(3);
        assertThat(store.countActive(bob)).isEqualTo(1);
    }

    @Test
    void disabled_tokens_are_still_active() {
        var token = store.insert(aNewToken(alice, "Deploy"));

        store.setEnabled(token.id(), false);

        assertThat(store.countActive(alice)).isEqualTo(1);
        assertThat(store.listActive(alice)).extracting(Token::enabled).containsExactly(false);
    }

    @Test
    void renames_a_token_and_keeps_everything_else() {
        var token = store.insert(aNewToken(alice, "Deploy"));

        var renamed = store.rename(token.id(), TokenName.of("Backup Job"));

        assertThat(renamed.name()).isEqualTo(TokenName.of("Backup Job"));
        assertThat(renamed).usingRecursiveComparison().ignoringFields("name").isEqualTo(token);
        assertThat(store.find(token.id())).contains(renamed);
        assertThat(dsl.fetchValue(
                        "select name_key from api_token where id = ?",
                        token.id().value()))
                .isEqualTo("backup job");
    }

    @Test
    void disables_and_enables_a_token() {
        var token = store.insert(aNewToken(alice, "Deploy"));

        var disabled = store.setEnabled(token.id(), false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(store.find(token.id()).orElseThrow().enabled()).isFalse();

        var enabled = store.setEnabled(token.id(), true);
        assertThat(enabled).isEqualTo(token);
        assertThat(store.find(token.id())).contains(token);
    }

    @Test
    void revoking_records_when_and_by_whom() {
        var admin = anAdministrator("root").id();
        var token = store.insert(aNewToken(alice, "Deploy"));
        var at = NOW.plusSeconds(90);

        var revoked = store.revoke(token.id(), admin, at);

        assertThat(revoked.revokedAt()).isEqualTo(at);
        assertThat(store.find(token.id())).contains(revoked);
        assertThat(dsl.fetchValue(
                        "select revoked_by from api_token where id = ?",
                        token.id().value()))
                .isEqualTo(admin.value());
        assertThat(store.listActive(alice)).isEmpty();
        assertThat(store.countActive(alice)).isZero();
    }

    @Test
    void a_revoked_token_can_no_longer_be_changed() {
        var token = store.insert(aNewToken(alice, "Deploy"));
        store.revoke(token.id(), alice, NOW.plusSeconds(1));

        assertThatThrownBy(() -> store.rename(token.id(), TokenName.of("Other")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("This token does not exist.");
        assertThatThrownBy(() -> store.setEnabled(token.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.revoke(token.id(), alice, NOW.plusSeconds(2)))
                .isInstanceOf(NotFoundException.class);
        var stored = store.find(token.id()).orElseThrow();
        assertThat(stored.name().value()).isEqualTo("Deploy");
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.revokedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void changing_an_unknown_token_is_not_found() {
        var unknown = new TokenId(4242);

        assertThatThrownBy(() -> store.rename(unknown, TokenName.of("Other"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.setEnabled(unknown, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.revoke(unknown, alice, NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refuses_a_second_active_token_with_the_same_name_ignoring_case() {
        store.insert(aNewToken(alice, "Deploy"));

        assertThatThrownBy(() -> store.insert(aNewToken(alice, "DEPLOY")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessage("You already have a token with this name.");
        assertThat(store.countActive(alice)).isEqualTo(1);
    }

    @Test
    void refuses_renaming_to_the_name_of_another_active_token() {
        store.insert(aNewToken(alice, "Deploy"));
        var other = store.insert(aNewToken(alice, "Backup"));

        assertThatThrownBy(() -> store.rename(other.id(), TokenName.of("deploy")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("You already have a token with this name.");
        assertThat(store.find(other.id()).orElseThrow().name().value()).isEqualTo("Backup");
    }

    @Test
    void a_revoked_token_frees_its_name() {
        var first = store.insert(aNewToken(alice, "Deploy"));
        store.revoke(first.id(), alice, NOW.plusSeconds(1));

        var second = store.insert(aNewToken(alice, "deploy"));

        assertThat(store.listActive(alice)).containsExactly(second);
        assertThat(store.find(first.id()).orElseThrow().name().value()).isEqualTo("Deploy");
    }

    @Test
    void different_owners_may_use_the_same_name() {
        store.insert(aNewToken(alice, "Deploy"));
        store.insert(aNewToken(bob, "Deploy"));

        assertThat(store.countActive(alice)).isEqualTo(1);
        assertThat(store.countActive(bob)).isEqualTo(1);
    }

    @Test
    void refuses_a_second_token_with_the_same_digest() {
        var secret = aSecret();
        store.insert(aNewToken(alice, "First", secret));

        assertThatThrownBy(() -> store.insert(aNewToken(bob, "Second", secret)))
                .hasMessageContaining("api_token_digest_key");
        assertThat(store.countActive(bob)).isZero();
    }

    @Test
    void locking_a_missing_owner_is_not_found() {
        assertThatThrownBy(() -> store.lockOwner(new UserId(4242)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("This account no longer exists.");
    }

    @Test
    void deleting_an_owner_deletes_their_tokens_and_deleting_a_revoker_keeps_the_revocation() {
        var admin = anAdministrator("root").id();
        var alicesToken = store.insert(aNewToken(alice, "Deploy"));
        var bobsToken = store.insert(aNewToken(bob, "Deploy"));
        store.revoke(bobsToken.id(), admin, NOW.plusSeconds(1));

        dsl.execute("delete from app_user where id in (?, ?)", alice.value(), admin.value());

        assertThat(store.find(alicesToken.id())).isEmpty();
        assertThat(store.find(bobsToken.id()).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(dsl.fetchValue(
                        "select revoked_by from api_token where id = ?",
                        bobsToken.id().value()))
                .isNull();
    }

    @Test
    void the_database_refuses_rows_that_break_the_token_rules_even_past_the_domain() {
        var owner = alice.value();
        var digest = aSecret().digest().bytes();
        var hint = aSecret().hint().value();
        String insert = "insert into api_token (owner_id, name, name_key, digest, hint, created_at, expires_at,"
                + " revoked_at, revoked_by) values (?, ?, ?, ?, ?, now(), ?::timestamptz, ?::timestamptz, ?)";

        assertThatThrownBy(() -> dsl.execute(insert, owner, "x", "x", digest, hint, "2000-01-01Z", null, null))
                .hasMessageContaining("api_token_expires_after_created");
        assertThatThrownBy(() -> dsl.execute(insert, owner, "x", "x", digest, hint, null, null, owner))
                .hasMessageContaining("api_token_revoked_by_only_when_revoked");
        assertThatThrownBy(() -> dsl.execute(insert, owner, "x", "x", new byte[16], hint, null, null, null))
                .hasMessageContaining("api_token_digest_sha256");
        assertThatThrownBy(() -> dsl.execute(insert, owner, "x", "x", digest, "tkp_value", null, null, null))
                .hasMessageContaining("api_token_hint_format");
        assertThatThrownBy(() -> dsl.execute(insert, owner, "x".repeat(101), "x", digest, hint, null, null, null))
                .hasMessageContaining("api_token_name_length");
        assertThatThrownBy(() -> dsl.execute(insert, owner, " x", "x", digest, hint, null, null, null))
                .hasMessageContaining("api_token_name_length");
        assertThat(store.countActive(alice)).isZero();
    }
}
