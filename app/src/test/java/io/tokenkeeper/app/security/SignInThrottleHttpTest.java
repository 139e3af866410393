package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Password guessing on the sign-in form meets growing delays, audited, without locking the owner out. */
@ApplicationTest
class SignInThrottleHttpTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(60 * 256);

    @LocalServerPort
    int port;

    @Autowired
    UserTestData testData;

    @Autowired
    DSLContext dsl;

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_unchecked_but_not_where_the_owner_signed_in()
            throws Exception {
        var alice = testData.aUserWithApiAccess();
        var username = alice.username().value();
        var home = address();
        assertThat(signIn(home, username, UserTestData.PASSWORD)).isEqualTo("/");
        var attacker = address();

        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            assertThat(signIn(attacker, username, "wrong guess number " + i)).isEqualTo("/login?error");
        }

        assertThat(signIn(attacker, username, UserTestData.PASSWORD)).isEqualTo("/login?throttled");
        assertThat(signIn(address(), username, UserTestData.PASSWORD)).isEqualTo("/login?throttled");
        assertThat(signIn(home, username, UserTestData.PASSWORD)).isEqualTo("/");
        assertThat(dsl.fetchCount(dsl.selectFrom("audit_event")
                        .where(
                                "action = 'SIGN_IN_THROTTLED' and target_id = ?",
                                String.valueOf(alice.id().value()))))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_address_trying_many_accounts_is_slowed_for_every_account() throws Exception {
        var sprayer = address();
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            signIn(sprayer, "nobody-" + i + "-" + System.nanoTime(), "password guess " + i);
        }
        var bob = testData.aUserWithApiAccess();

        assertThat(signIn(sprayer, bob.username().value(), UserTestData.PASSWORD))
                .isEqualTo("/login?throttled");
        assertThat(signIn(address(), bob.username().value(), UserTestData.PASSWORD))
                .isEqualTo("/");
    }

    private String signIn(InetAddress from, String username, String password) throws Exception {
        var form = new SignInForm(port, from);
        form.open();
        var response = form.submit(username, password);
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static InetAddress address() throws UnknownHostException {
        int n = NEXT_ADDRESS.getAndIncrement();
        return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (1 + n % 250)});
    }
}
