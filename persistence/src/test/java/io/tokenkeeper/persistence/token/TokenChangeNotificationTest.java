package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aNewToken;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.persistence.base.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The triggers of V3 and the feed that hears them: every write that may change whether a token works is announced, on
 * commit only.
 */
class TokenChangeNotificationTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTokenUsage usage = new JooqTokenUsage(dsl);

    private RecordedChangeFeed feed;
    private User alice;
    private Token token;

    @BeforeEach
    void listen() throws InterruptedException {
        TestDatabase.clean();
        alice = aTokenUser("alice");
        token = tokens.insert(aNewToken(alice.id(), "Deploy"));
        feed = RecordedChangeFeed.subscribe();
    }

    @AfterEach
    void unlisten() {
        feed.close();
    }

    @Test
    void announces_switching_renaming_expiring_and_revoking_a_token() throws InterruptedException {
        var tokenChanged = "token:" + token.id().value();

        tokens.setEnabled(token.id(), false);
        assertThat(feed.received()).containsExactly(tokenChanged);
        tokens.rename(token.id(), TokenName.of("Backup"));
        assertThat(feed.received()).containsExactly(tokenChanged);
        dsl.execute(
                "update api_token set expires_at = now() + interval '1 day' where id = ?",
                token.id().value());
        assertThat(feed.received()).containsExactly(tokenChanged);
        tokens.revoke(token.id(), alice.id(), NOW);
        assertThat(feed.received()).containsExactly(tokenChanged);
        dsl.execute("delete from api_token where id = ?", token.id().value());
        assertThat(feed.received()).containsExactly(tokenChanged);
    }

    @Test
    void announces_changes_to_the_owner_s_account_and_privileges() throws InterruptedException {
        var ownerChanged = "owner:" + alice.id().value();

        dsl.execute(
                "update app_user set enabled = false where id = ?", alice.id().value());
        assertThat(feed.received()).containsExactly(ownerChanged);
        dsl.execute("delete from user_privilege where user_id = ?", alice.id().value());
        assertThat(feed.received()).containsExactly(ownerChanged);
        dsl.execute(
                "insert into user_privilege (user_id, privilege, granted_at) values (?, 'API_ACCESS', now())",
                alice.id().value());
        assertThat(feed.received()).containsExactly(ownerChanged);
    }

    @Test
    void says_nothing_about_recording_a_use_or_editing_a_profile() throws InterruptedException {
        usage.recordUse(token.id(), NOW, "192.0.2.10", null);
        dsl.execute(
                "update app_user set display_name = 'Alice L.' where id = ?",
                alice.id().value());

        assertThat(feed.received()).isEmpty();
    }

    @Test
    void says_nothing_when_the_change_rolls_back() throws InterruptedException {
        assertThatThrownBy(() -> dsl.transaction(configuration -> {
                    configuration
                            .dsl()
                            .execute(
                                    "update api_token set enabled = false where id = ?",
                                    token.id().value());
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessageContaining("rolled back");

        assertThat(feed.received()).isEmpty();
    }

    @Test
    void a_notification_it_cannot_read_means_that_anything_may_have_changed() throws InterruptedException {
        for (var payload : new String[] {"token:x", "owner:", "something else"}) {
            dsl.execute("select pg_notify(?, ?)", PostgresChangeFeed.CHANNEL, payload);
            assertThat(feed.received()).containsExactly("anything");
        }
    }

    @Test
    void a_lost_connection_is_reported_and_made_again() throws InterruptedException {
        int terminated = dsl.fetchSingle(
                        "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?",
                        PostgresChangeFeed.APPLICATION_NAME)
                .get(0, Integer.class);

        assertThat(terminated).isPositive();
        assertThat(feed.nextConnectionEvent()).isEqualTo("disconnected");
        assertThat(feed.nextConnectionEvent()).isEqualTo("connected");
        tokens.setEnabled(token.id(), false);
        assertThat(feed.received()).containsExactly("token:" + token.id().value());
    }
}
