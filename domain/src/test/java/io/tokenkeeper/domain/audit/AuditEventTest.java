package io.tokenkeeper.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");
    private static final User ALICE = user(7, "alice");
    private static final User BOB = user(8, "bob");

    @Test
    void an_event_on_another_user_names_the_actor_the_target_and_the_actor_s_address() {
        var event = AuditEvent.onUser(new Actor(ALICE, "192.0.2.7"), AuditAction.USER_DISABLED, BOB, "Disabled", AT);

        assertThat(event)
                .isEqualTo(new AuditEvent(
                        AT,
                        ALICE.id(),
                        "alice",
                        AuditAction.USER_DISABLED,
                        "user",
                        "8",
                        "bob",
                        "Disabled",
                        "192.0.2.7"));
    }

    @Test
    void an_event_on_one_s_own_account_targets_the_actor() {
        var event = AuditEvent.onOwnAccount(new Actor(ALICE, null), AuditAction.SIGNED_OUT, "Signed out", AT);

        assertThat(event.actorId()).isEqualTo(ALICE.id());
        assertThat(event.targetId()).isEqualTo("7");
        assertThat(event.targetName()).isEqualTo("alice");
        assertThat(event.clientAddress()).isNull();
    }

    @Test
    void a_failed_sign_in_without_an_account_keeps_neither_the_attempted_name_nor_the_reason() {
        var unknown = AuditEvent.signInFailed(null, "Wrong username or password", "192.0.2.9", AT);
        var known = AuditEvent.signInFailed(BOB, "Wrong username or password", "192.0.2.9", AT);

        assertThat(unknown.actorName()).isEqualTo(AuditEvent.UNKNOWN);
        assertThat(unknown.targetId()).isNull();
        assertThat(unknown.targetName()).isEqualTo("unknown user");
        assertThat(unknown.details()).isEqualTo("Unknown username");
        assertThat(known.targetId()).isEqualTo("8");
        assertThat(known.targetName()).isEqualTo("bob");
        assertThat(known.details()).isEqualTo("Wrong username or password");
    }

    @Test
    void the_first_administrator_is_created_by_the_system_from_no_address() {
        var event = AuditEvent.firstAdministratorCreated(ALICE, AT);

        assertThat(event.actorId()).isNull();
        assertThat(event.actorName()).isEqualTo(AuditEvent.SYSTEM);
        assertThat(event.action()).isEqualTo(AuditAction.USER_CREATED);
        assertThat(event.targetName()).isEqualTo("alice");
        assertThat(event.clientAddress()).isNull();
    }

    private static User user(long id, String username) {
        return new User(
                new UserId(id),
                new Username(username),
                DisplayName.of(username),
                null,
                true,
                Set.of(Privilege.API_ACCESS),
                AT,
                AT);
    }
}
