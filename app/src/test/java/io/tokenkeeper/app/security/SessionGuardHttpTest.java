package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser session ends within a second once its account is disabled, re-privileged or its password reset. */
@ApplicationTest
class SessionGuardHttpTest {

    private static final String PAGE = "/settings/user-information";

    @LocalServerPort
    int port;

    @Autowired
    UserTestData users;

    @Autowired
    UserAdministration administration;

    @Test
    void disabling_the_account_ends_its_session() throws Exception {
        assertTheSessionEndsAfter(user -> administration.disable(admin(), user.id()));
    }

    @Test
    void removing_a_privilege_ends_the_session() throws Exception {
        assertTheSessionEndsAfter(user ->
                administration.updateUser(admin(), user.id(), user.displayName().value(), null, Set.of()));
    }

    @Test
    void a_password_reset_ends_the_session() throws Exception {
        assertTheSessionEndsAfter(user -> administration.resetPassword(
                admin(), user.id(), "a completely new passphrase", "a completely new passphrase"));
    }

    @Test
    void a_change_to_another_account_leaves_the_session_alone() throws Exception {
        var user = users.aUserWithApiAccess();
        var session = signIn(user);
        administration.disable(admin(), users.aUserWithApiAccess().id());

        Thread.sleep(300);

        assertThat(open(session).statusCode()).isEqualTo(200);
    }

    private void assertTheSessionEndsAfter(Consumer<User> change) throws Exception {
        var user = users.aUserWithApiAccess();
        var session = signIn(user);
        assertThat(open(session).statusCode()).isEqualTo(200);

        change.accept(user);

        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        HttpResponse<String> response = open(session);
        while (response.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = open(session);
        }
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
    }

    private String signIn(User user) throws Exception {
        var form = new SignInForm(port);
        form.open();
        var response = form.submit(user.username().value(), UserTestData.PASSWORD);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
        return SignInForm.sessionCookie(response).orElseThrow();
    }

    private HttpResponse<String> open(String session) throws Exception {
        return new SignInForm(port).get(PAGE, session);
    }

    private Actor admin() {
        return new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
    }
}
