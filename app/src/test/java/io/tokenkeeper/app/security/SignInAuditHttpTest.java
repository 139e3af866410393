package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.user.User;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in audit trail, end to end: the browser's sign-in form and sign-out over real HTTP. */
@ApplicationTest
class SignInAuditHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    UserTestData testData;

    @Autowired
    AuditLog audit;

    @Autowired
    DSLContext dsl;

    @Test
    void a_sign_in_is_audited_on_the_account_with_the_client_s_address() throws Exception {
        var user = testData.aUserWithApiAccess();

        var response = signIn(user.username().value(), UserTestData.PASSWORD);

        assertThat(response.headers().firstValue("Location")).hasValue("/");
        assertThat(events(AuditAction.SIGN_IN_SUCCEEDED, user)).singleElement().satisfies(event -> {
            assertThat(event.actorId()).isEqualTo(user.id());
            assertThat(event.actorName()).isEqualTo(user.username().value());
            assertThat(event.targetId()).isEqualTo(Long.toString(user.id().value()));
            assertThat(event.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        });
    }

    @Test
    void a_wrong_password_and_a_disabled_account_are_audited_as_failures_on_the_account() throws Exception {
        var user = testData.aUserWithApiAccess();
        var disabled = testData.aUserWithApiAccess();
        dsl.execute(
                "update app_user set enabled = false where id = ?",
                disabled.id().value());

        signIn(user.username().value(), "not the password at all");
        signIn(disabled.username().value(), UserTestData.PASSWORD);

        assertThat(events(AuditAction.SIGN_IN_FAILED, user)).singleElement().satisfies(event -> {
            assertThat(event.actorId()).isNull();
            assertThat(event.actorName()).isEqualTo(AuditEvent.UNKNOWN);
            assertThat(event.targetId()).isEqualTo(Long.toString(user.id().value()));
            assertThat(event.details()).isEqualTo("Wrong username or password");
            assertThat(event.clientAddress()).isNotNull();
        });
        assertThat(events(AuditAction.SIGN_IN_FAILED, disabled))
                .singleElement()
                .extracting(AuditEvent::details)
                .isEqualTo("The account is disabled");
        assertThat(events(AuditAction.SIGN_IN_SUCCEEDED, user)).isEmpty();
        assertThat(events(AuditAction.SIGN_IN_SUCCEEDED, disabled)).isEmpty();
    }

    @Test
    void a_password_typed_into_the_username_box_never_reaches_the_audit_log() throws Exception {
        var user = testData.aUserWithApiAccess();
        var withSpaces = "my secret passphrase " + System.nanoTime();
        var shapedLikeAUsername = "Tr0ub4dor-" + System.nanoTime();

        for (var typed : List.of(withSpaces, shapedLikeAUsername)) {
            var response = signIn(typed, UserTestData.PASSWORD);

            assertThat(response.headers().firstValue("Location")).hasValue("/login?error");
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_event")
                            .where(
                                    "concat_ws(' ', actor_name, target_id, target_name, details, client_address)"
                                            + " like ?",
                                    "%" + typed + "%")))
                    .as("audit rows holding " + typed)
                    .isZero();
        }
        assertThat(audit.search(new AuditFilter(null, AuditAction.SIGN_IN_FAILED, null, null, null), 0, 2))
                .allSatisfy(event -> {
                    assertThat(event.targetName()).isEqualTo("unknown user");
                    assertThat(event.details()).isEqualTo("Unknown username");
                });
        assertThat(events(AuditAction.SIGN_IN_FAILED, user)).isEmpty();
    }

    @Test
    void signing_out_is_audited_on_the_account() throws Exception {
        var user = testData.aUserWithApiAccess();
        var form = new SignInForm(port);
        form.open();
        var signedIn = SignInForm.sessionCookie(form.submit(user.username().value(), UserTestData.PASSWORD))
                .orElseThrow();

        var response = form.signOut(signedIn);

        assertThat(response.headers().firstValue("Location")).hasValue("/login?logout");
        assertThat(events(AuditAction.SIGNED_OUT, user)).singleElement().satisfies(event -> {
            assertThat(event.actorId()).isEqualTo(user.id());
            assertThat(event.targetId()).isEqualTo(Long.toString(user.id().value()));
            assertThat(event.clientAddress()).isNotNull();
        });
        var afterwards = form.get("/settings/user-information", signedIn);
        assertThat(afterwards.headers().firstValue("Location")).hasValue("/login");
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        var form = new SignInForm(port);
        form.open();
        return form.submit(username, password);
    }

    /** The user's events of this kind: usernames are unique per test, and the target filter matches from the start. */
    private List<AuditEvent> events(AuditAction action, User user) {
        return audit.search(new AuditFilter(null, action, user.username().value(), null, null), 0, 10).stream()
                .filter(event -> user.username().value().equals(event.targetName()))
                .toList();
    }
}
