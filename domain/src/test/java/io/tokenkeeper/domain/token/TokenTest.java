package io.tokenkeeper.domain.token;

import static io.tokenkeeper.domain.token.TokenTestData.CREATED;
import static io.tokenkeeper.domain.token.TokenTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.DomainException;
import io.tokenkeeper.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void disabling_and_reenabling_switch_the_status_back_and_forth() {
        Token token = aToken().build();

        Token disabled = token.disabled();
        Token reenabled = disabled.reenabled();

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.statusAt(NOW)).isEqualTo(TokenStatus.DISABLED);
        assertThat(reenabled.statusAt(NOW)).isEqualTo(TokenStatus.ENABLED);
        assertThat(reenabled).isEqualTo(token);
        assertThat(token.enabled()).isTrue();
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
    void reenabling_an_expired_token_does_not_make_it_usable() {
        Token token = aToken().disabled().expiringAt(EXPIRY).build().reenabled();

        assertThat(token.isUsableAt(EXPIRY)).isFalse();
        assertThat(token.isUsableAt(NOW)).isTrue();
    }

    @Test
    void revoking_stops_the_token_at_once_and_for_good() {
        Token revoked = aToken().build().revokedAt(NOW);

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

    @ParameterizedTest
    @ValueSource(strings = {"reenable", "disable", "rename", "revoke"})
    void a_revoked_token_can_no_longer_be_changed(String change) {
        Token revoked = aToken().revokedAt(NOW).build();
        UnaryOperator<Token> operation =
                switch (change) {
                    case "reenable" -> Token::reenabled;
                    case "disable" -> Token::disabled;
                    case "rename" -> token -> token.renamedTo(TokenName.of("Other"));
                    default -> token -> token.revokedAt(EXPIRY);
                };

        assertThatThrownBy(() -> operation.apply(revoked))
                .isInstanceOf(ConflictException.class)
                .isInstanceOf(DomainException.class)
                .hasMessage("This token was revoked and can no longer be changed.");
    }

    @Test
    void a_revoked_disabled_token_cannot_be_reenabled() {
        Token token = aToken().build().disabled().revokedAt(NOW);

        assertThatThrownBy(token::reenabled).hasMessage("This token was revoked and can no longer be changed.");
        assertThat(token.statusAt(NOW)).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void renaming_changes_only_the_name() {
        Token token = aToken().expiringAt(EXPIRY).lastUsed(NOW, "203.0.113.9").build();

        Token renamed = token.renamedTo(TokenName.of("Backup job"));

        assertThat(renamed.name()).isEqualTo(TokenName.of("Backup job"));
        assertThat(renamed).usingRecursiveComparison().ignoringFields("name").isEqualTo(token);
        assertThat(token.name()).isEqualTo(TokenName.of("Deploy"));
    }

    @Test
    void changes_keep_the_usage_record() {
        Token token = aToken().lastUsed(NOW, "2001:db8::1").build();

        assertThat(token.disabled().revokedAt(EXPIRY))
                .extracting(Token::lastUsedAt, Token::lastUsedIp, Token::createdAt, Token::expiresAt)
                .containsExactly(NOW, "2001:db8::1", CREATED, null);
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
