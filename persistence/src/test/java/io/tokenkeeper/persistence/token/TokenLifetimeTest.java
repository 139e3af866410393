package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.token.TokenTestData.NOW;
import static io.tokenkeeper.persistence.token.TokenTestData.aTokenUser;
import static io.tokenkeeper.persistence.token.TokenTestData.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.token.LifetimePolicy;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.persistence.base.TestDatabase;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The maximum lifetime administrators set, as the token service applies it to new tokens. */
class TokenLifetimeTest {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private final TokenService limited = service(() -> THIRTY_DAYS);
    private final TokenService unlimited = service(TokenTestData.NO_LIFETIME_LIMIT);

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void a_token_created_without_an_expiry_gets_the_longest_lifetime_allowed() {
        var token = limited.generate(actor(aTokenUser("ada")), "CI", null).token();

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(THIRTY_DAYS).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void an_expiry_within_the_lifetime_is_kept() {
        var expiry = NOW.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MICROS);

        var token = limited.generate(actor(aTokenUser("ada")), "CI", expiry).token();

        assertThat(token.expiresAt()).isEqualTo(expiry);
    }

    @Test
    void an_expiry_past_the_lifetime_is_refused_with_the_latest_date_allowed() {
        var user = aTokenUser("ada");

        assertThatThrownBy(() -> limited.generate(actor(user), "CI", NOW.plus(Duration.ofDays(31))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"))
                .hasMessage(
                        "Tokens may live at most 30 days from now: choose an expiry date no later than 2026-12-28.");
        assertThat(limited.listOwn(actor(user))).isEmpty();
    }

    @Test
    void without_a_limit_a_token_may_never_expire() {
        var token = unlimited.generate(actor(aTokenUser("ada")), "CI", null).token();

        assertThat(token.expiresAt()).isNull();
    }

    private static TokenService service(LifetimePolicy lifetimes) {
        var dsl = TestDatabase.dsl();
        return TokenTestData.tokenService().lifetimes(lifetimes).build();
    }
}
