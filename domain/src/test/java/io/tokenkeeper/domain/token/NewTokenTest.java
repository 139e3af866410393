package io.tokenkeeper.domain.token;

import static io.tokenkeeper.domain.token.TokenTestData.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tokenkeeper.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NewTokenTest {

    private static final TokenSecret SECRET = TokenSecret.generate(new SecureRandom());

    @Test
    void may_never_expire() {
        assertThat(newToken(null).expiresAt()).isNull();
    }

    @Test
    void may_expire_after_its_creation() {
        assertThat(newToken(CREATED.plusNanos(1000)).expiresAt()).isEqualTo(CREATED.plusNanos(1000));
    }

    @Test
    void cannot_expire_when_or_before_it_is_created() {
        assertThatIllegalArgumentException().isThrownBy(() -> newToken(CREATED));
        assertThatIllegalArgumentException().isThrownBy(() -> newToken(CREATED.minusSeconds(1)));
    }

    private static NewToken newToken(@Nullable Instant expiresAt) {
        return new NewToken(new UserId(7), TokenName.of("Deploy"), SECRET.digest(), SECRET.hint(), CREATED, expiresAt);
    }
}
