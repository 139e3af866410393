package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in form while the policy keeps passwords for administrators: everyone else is turned away before their
 * password is checked, and an administrator's password sign-in is audited as the break-glass path.
 */
@ApplicationTest
class PasswordSignInPolicyHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    UserTestData testData;

    @Autowired
    PolicyService policies;

    @Autowired
    AuditLog audit;

    private Actor admin;

    @BeforeEach
    void passwordsForAdministratorsOnly() {
        admin = new Actor(testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
        policies.updateSignInPolicy(admin, Map.of(), true);
    }

    @AfterEach
    void passwordsForEveryone() {
        policies.updateSignInPolicy(admin, Map.of(), false);
    }

    @Test
    void a_user_who_is_not_an_administrator_cannot_sign_in_with_a_password() throws Exception {
        var user = testData.aUserWithApiAccess();

        var response = signIn(user);

        assertThat(response).isEqualTo("/login?error");
        assertThat(events(AuditAction.SIGN_IN_FAILED, user))
                .singleElement()
                .extracting(AuditEvent::details)
                .isEqualTo(SignInAuditor.PASSWORD_SIGN_IN_LIMITED);
        assertThat(events(AuditAction.SIGN_IN_SUCCEEDED, user)).isEmpty();
    }

    @Test
    void an_administrator_still_signs_in_with_a_password_and_it_is_audited_as_break_glass() throws Exception {
        var administrator = testData.aUser(EnumSet.of(Privilege.ADMINISTRATOR, Privilege.API_ACCESS));

        var response = signIn(administrator);

        assertThat(response).isEqualTo("/");
        assertThat(events(AuditAction.SIGN_IN_SUCCEEDED, administrator))
                .singleElement()
                .extracting(AuditEvent::details)
                .isEqualTo(SignInAuditor.BREAK_GLASS);
    }

    private String signIn(User user) throws Exception {
        var form = new SignInForm(port);
        form.open();
        return form.submit(user.username().value(), UserTestData.PASSWORD)
                .headers()
                .firstValue("Location")
                .orElseThrow();
    }

    private List<AuditEvent> events(AuditAction action, User user) {
        return audit.search(new AuditFilter(null, action, user.username().value(), null, null), 0, 10).stream()
                .filter(event -> user.username().value().equals(event.targetName()))
                .toList();
    }
}
