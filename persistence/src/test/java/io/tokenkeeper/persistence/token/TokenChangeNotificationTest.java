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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The triggers of V3: every write that may change whether a token works is announced, on commit only. */
class TokenChangeNotificationTest {

    private static final String CHANNEL = "tokenkeeper_token_changes";

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqTokenStore tokens = new JooqTokenStore(dsl);
    private final JooqTokenUsage usage = new JooqTokenUsage(dsl);

    private Connection listener;
    private User alice;
    private Token token;

    @BeforeEach
    void listen() throws SQLException {
        TestDatabase.clean();
        alice = aTokenUser("alice");
        token = tokens.insert(aNewToken(alice.id(), "Deploy"));
        listener = TestDatabase.dataSource().getConnection();
        try (var statement = listener.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
    }

    @AfterEach
    void unlisten() throws SQLException {
        try (var statement = listener.createStatement()) {
            statement.execute("unlisten *");
        }
        listener.close();
    }

    @Test
    void announces_switching_renaming_expiring_and_revoking_a_token() throws SQLException {
        var tokenChanged = "token:" + token.id().value();

        tokens.setEnabled(token.id(), false);
        assertThat(received()).containsExactly(tokenChanged);
        tokens.rename(token.id(), TokenName.of("Backup"));
        assertThat(received()).containsExactly(tokenChanged);
        dsl.execute(
                "update api_token set expires_at = now() + interval '1 day' where id = ?",
                token.id().value());
        assertThat(received()).containsExactly(tokenChanged);
        tokens.revoke(token.id(), alice.id(), NOW);
        assertThat(received()).containsExactly(tokenChanged);
        dsl.execute("delete from api_token where id = ?", token.id().value());
        assertThat(received()).containsExactly(tokenChanged);
    }

    @Test
    void announces_changes_to_the_owner_s_account_and_privileges() throws SQLException {
        var ownerChanged = "owner:" + alice.id().value();

        dsl.execute(
                "update app_user set enabled = false where id = ?", alice.id().value());
        assertThat(received()).containsExactly(ownerChanged);
        dsl.execute("delete from user_privilege where user_id = ?", alice.id().value());
        assertThat(received()).containsExactly(ownerChanged);
        dsl.execute(
                "insert into user_privilege (user_id, privilege, granted_at) values (?, 'API_ACCESS', now())",
                alice.id().value());
        assertThat(received()).containsExactly(ownerChanged);
    }

    @Test
    void says_nothing_about_recording_a_use_or_editing_a_profile() throws SQLException {
        usage.recordUse(token.id(), NOW, "192.0.2.10");
        dsl.execute(
                "update app_user set display_name = 'Alice L.' where id = ?",
                alice.id().value());

        assertThat(received()).isEmpty();
    }

    @Test
    void says_nothing_when_the_change_rolls_back() throws SQLException {
        assertThatThrownBy(() -> dsl.transaction(configuration -> {
                    configuration
                            .dsl()
                            .execute(
                                    "update api_token set enabled = false where id = ?",
                                    token.id().value());
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessageContaining("rolled back");

        assertThat(received()).isEmpty();
    }

    /** What arrived on the channel within half a second, after the writes committed. */
    private List<String> received() throws SQLException {
        var payloads = new ArrayList<String>();
        var notifications = listener.unwrap(PGConnection.class).getNotifications(500);
        if (notifications != null) {
            for (var notification : notifications) {
                if (notification.getName().equals(CHANNEL)) {
                    payloads.add(notification.getParameter());
                }
            }
        }
        return payloads;
    }
}
