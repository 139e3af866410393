package io.tokenkeeper.domain.token;

import static io.tokenkeeper.domain.token.TokenTestData.CREATED;
import static io.tokenkeeper.domain.token.TokenTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.tokenkeeper.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenTest {

    private static final Instant NOW = CREATED.plus(Duration.ofDays(10));
    private static final Instant EXPIRY = CREATED.plus(Duration.ofDays(30));

    @Test
    void an_enabled_token_is_usable() {
        Token token = aToken().build();

        assertThat(token.statusAt(NOW)).isEqualTo(TokenStatus.ENABLED);
        assertThat(token.isUsableAt(NOW)).isTrue();
        assertThat(token.isRevoked()).isFalse();
    }

    @Test
    void a_disabled_token_is_not_usable() {
        Token token = aToken().disabled().build();

        assertThat(token.statusAt(NOW)).isEqualTo(TokenStatus.DISABLED);
        assertThat(token.isUsableAt(NOW)).isFalse();
    }

    @Test
    void expires_exactly_at_its_expiry() {
        Token token = aToken().expiringAt(EXPIRY).build();

        assertThat(token.statusAt(EXPIRY.minusNanos(1))).isEqualTo(TokenStatus.ENABLED);
        assertThat(token.isUsableAt(EXPIRY.minusNanos(1))).isTrue();
        assertThat(token.statusAt(EXPIRY)).isEqualTo(TokenStatus.EXPIRED);
        assertThat(token.isUsableAt(EXPIRY)).isFalse();
        assertThat(token.statusAt(EXPIRY.plusSeconds(1))).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void an_expired_token_shows_expired_even_when_disabled() {
        assertThat(aToken().disabled().expiringAt(EXPIRY).build().statusAt(EXPIRY))
                .isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void an_enabled_token_past_its_expiry_is_not_usable() {
        Token token = aToken().expiringAt(EXPIRY).build();

        assertThat(token.isUsableAt(EXPIRY)).isFalse();
        assertThat(token.isUsableAt(NOW)).isTrue();
    }

    @Test
    void a_revoked_token_is_not_usable_at_any_time() {
        Token revoked = aToken().revokedAt(NOW).build();

        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.statusAt(NOW)).isEqualTo(TokenStatus.REVOKED);
        assertThat(revoked.isUsableAt(NOW)).isFalse();
        assertThat(revoked.statusAt(NOW.minusSeconds(1))).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void revoked_beats_disabled_and_expired() {
        Token token = aToken().disabled().expiringAt(EXPIRY).revokedAt(NOW).build();

        assertThat(token.statusAt(EXPIRY)).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void knows_its_owner() {
        Token token = aToken().ownedBy(new UserId(42)).build();

        assertThat(token.ownerId()).isEqualTo(new UserId(42));
        assertThat(token.isOwnedBy(new UserId(42))).isTrue();
        assertThat(token.isOwnedBy(new UserId(7))).isFalse();
    }

    @Test
    void needs_an_owner() {
        assertThatNullPointerException()
                .isThrownBy(() -> aToken().ownedBy(null).build())
                .withMessage("ownerId");
    }
}
