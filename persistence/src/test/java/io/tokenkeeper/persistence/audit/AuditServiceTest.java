package io.tokenkeeper.persistence.audit;

import static io.tokenkeeper.persistence.audit.AuditTestData.NOW;
import static io.tokenkeeper.persistence.audit.AuditTestData.aUser;
import static io.tokenkeeper.persistence.audit.AuditTestData.anAdministrator;
import static io.tokenkeeper.persistence.audit.AuditTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditService;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.base.TestDatabase;
import io.tokenkeeper.persistence.user.JooqUserStore;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    private static final String ADMINISTRATORS_ONLY = "Only administrators can read the audit log.";

    private final DSLContext dsl = TestDatabase.dsl();
    private final JooqAuditLog log = new JooqAuditLog(dsl);
    private final AuditService service = new AuditService(log, new JooqUserStore(dsl));

    private User admin;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        admin = anAdministrator("root");
    }

    @Test
    void an_enabled_administrator_reads_one_page_newest_first_and_the_count() {
        var older = anEvent().at(NOW).details("older").build();
        var newer = anEvent().at(NOW.plusSeconds(1)).details("newer").build();
        log.record(older);
        log.record(newer);

        assertThat(service.search(actor(admin), AuditFilter.ALL, 0, 10)).containsExactly(newer, older);
        assertThat(service.search(actor(admin), AuditFilter.ALL, 1, 10)).containsExactly(older);
        assertThat(service.count(actor(admin), AuditFilter.ALL)).isEqualTo(2);
        var revoked = new AuditFilter(null, AuditAction.TOKEN_REVOKED, null, null, null);
        assertThat(service.count(actor(admin), revoked)).isZero();
    }

    @Test
    void refuses_a_user_without_the_administrator_privilege() {
        var user = aUser("alice", Privilege.API_ACCESS);
        log.record(anEvent().build());

        assertRefused(() -> service.search(actor(user), AuditFilter.ALL, 0, 10));
        assertRefused(() -> service.count(actor(user), AuditFilter.ALL));
    }

    @Test
    void refuses_an_administrator_whose_account_was_disabled() {
        dsl.execute(
                "update app_user set enabled = false where id = ?", admin.id().value());

        assertRefused(() -> service.search(actor(admin), AuditFilter.ALL, 0, 10));
        assertRefused(() -> service.count(actor(admin), AuditFilter.ALL));
    }

    @Test
    void refuses_an_administrator_who_lost_the_privilege_after_signing_in() {
        dsl.execute(
                "delete from user_privilege where user_id = ? and privilege = 'ADMINISTRATOR'",
                admin.id().value());

        assertThat(admin.isAdministrator())
                .as("the signed-in session still says so")
                .isTrue();
        assertRefused(() -> service.search(actor(admin), AuditFilter.ALL, 0, 10));
        assertRefused(() -> service.count(actor(admin), AuditFilter.ALL));
    }

    @Test
    void refuses_an_actor_whose_account_no_longer_exists() {
        var ghost = new User(
                new UserId(admin.id().value() + 1000),
                new Username("ghost"),
                DisplayName.of("Ghost"),
                null,
                true,
                Set.of(Privilege.ADMINISTRATOR),
                NOW,
                NOW);

        assertRefused(() -> service.search(actor(ghost), AuditFilter.ALL, 0, 10));
        assertRefused(() -> service.count(actor(ghost), AuditFilter.ALL));
    }

    @Test
    void returns_at_most_500_events_per_call_and_counts_to_10000() {
        dsl.execute("""
                insert into audit_event (occurred_at, actor_name, action, target_type, details)
                select now() - i * interval '1 second', 'system', 'USER_CREATED', 'user', 'bulk'
                from generate_series(1, 10050) as i
                """);

        assertThat(service.search(actor(admin), AuditFilter.ALL, 0, 10_000)).hasSize(AuditService.MAX_PAGE_SIZE);
        assertThat(service.search(actor(admin), AuditFilter.ALL, 10_000, 10_000))
                .hasSize(50);
        assertThat(service.search(actor(admin), AuditFilter.ALL, 0, 0)).isEmpty();
        assertThat(service.count(actor(admin), AuditFilter.ALL)).isEqualTo(AuditService.MAX_COUNT);
        assertThat(service.count(actor(admin), new AuditFilter(null, AuditAction.USER_CREATED, null, null, null)))
                .isEqualTo(AuditService.MAX_COUNT);
        assertThat(service.count(actor(admin), new AuditFilter(null, AuditAction.SIGN_IN_FAILED, null, null, null)))
                .isZero();
    }

    @Test
    void refuses_a_negative_offset_or_limit() {
        assertThatThrownBy(() -> service.search(actor(admin), AuditFilter.ALL, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.search(actor(admin), AuditFilter.ALL, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Actor actor(User user) {
        return new Actor(user, "192.0.2.10");
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NotAllowedException.class).hasMessage(ADMINISTRATORS_ONLY);
    }
}
