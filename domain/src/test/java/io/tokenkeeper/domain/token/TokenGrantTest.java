package io.tokenkeeper.domain.token;

import static io.tokenkeeper.domain.token.TokenTestData.CREATED;
import static io.tokenkeeper.domain.token.TokenTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenGrantTest {

    private static final Instant ROTATED = CREATED.plus(Duration.ofDays(1));
    private static final Instant RETIRES = ROTATED.plus(Duration.ofHours(1));
    private static final User OWNER = new User(
            new UserId(7),
            new Username("alice"),
            DisplayName.of("Alice"),
            null,
            true,
            Set.of(Privilege.API_ACCESS),
            CREATED,
            CREATED);

    @Test
    void an_old_value_works_until_its_rotation_retires_it_and_not_a_moment_longer() {
        var grant = new TokenGrant(aToken().build(), OWNER, rotation(false), true, false);

        assertThat(grant.isUsableAt(RETIRES.minusNanos(1000))).isTrue();
        assertThat(grant.isUsableAt(RETIRES)).isFalse();
        assertThat(grant.valueStopsAt()).isEqualTo(RETIRES);
    }

    @Test
    void an_old_value_never_outlives_its_token() {
        var expiring = aToken().expiringAt(ROTATED.plus(Duration.ofMinutes(10))).build();
        var disabled = aToken().disabled().build();

        var old = new TokenGrant(expiring, OWNER, rotation(false), true, false);

        assertThat(old.valueStopsAt()).isEqualTo(expiring.expiresAt());
        assertThat(old.isUsableAt(ROTATED.plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(new TokenGrant(disabled, OWNER, rotation(false), true, false).isUsableAt(ROTATED))
                .isFalse();
    }

    @Test
    void the_new_value_ends_an_overlap_until_first_use_only_while_it_lasts() {
        var current = new TokenGrant(aToken().build(), OWNER, rotation(true), false, false);
        var old = new TokenGrant(aToken().build(), OWNER, rotation(true), true, false);
        var timed = new TokenGrant(aToken().build(), OWNER, rotation(false), false, false);

        assertThat(current.endsOverlap(at(ROTATED))).isTrue();
        assertThat(current.endsOverlap(at(RETIRES))).isFalse();
        assertThat(old.endsOverlap(at(ROTATED))).isFalse();
        assertThat(timed.endsOverlap(at(ROTATED))).isFalse();
        assertThat(current.isUsableAt(RETIRES.plus(Duration.ofDays(300)))).isTrue();
    }

    @Test
    void a_canary_is_refused_before_anything_else_is_looked_at() {
        var store = new java.util.HashMap<TokenDigest, TokenGrant>();
        var secret = TokenSecret.generate(new java.security.SecureRandom());
        store.put(secret.digest(), new TokenGrant(aToken().build(), OWNER, null, false, true));
        var authenticator = new TokenAuthenticator(
                digest -> java.util.Optional.ofNullable(store.get(digest)),
                java.time.Clock.systemUTC(),
                address -> true);

        var verification = authenticator.verify(secret.reveal(), "someone-else", "203.0.113.9");

        assertThat(verification.outcome()).isEqualTo(Verification.Outcome.CANARY);
        assertThat(verification.isAccepted()).isFalse();
        assertThat(verification.requireGrant().canary()).isTrue();
    }

    @Test
    void a_token_without_a_rotation_never_reads_the_clock_to_know_it_ends_no_overlap() {
        var plain = new TokenGrant(aToken().build(), OWNER, null, false, false);
        var old = new TokenGrant(aToken().build(), OWNER, rotation(true), true, false);
        var untouchable = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new AssertionError("the clock was read for a grant that cannot end an overlap");
            }
        };

        assertThat(plain.endsOverlap(untouchable)).isFalse();
        assertThat(old.endsOverlap(untouchable)).isFalse();
    }

    @Test
    void only_a_rotated_token_has_an_old_value() {
        assertThatThrownBy(() -> new TokenGrant(aToken().build(), OWNER, null, true, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_overlap_until_first_use_is_capped_at_seven_days() {
        assertThat(Overlap.UNTIL_FIRST_USE.oldValueRetiresAt(ROTATED)).isEqualTo(ROTATED.plus(Overlap.LONGEST));
        assertThat(Overlap.NONE.oldValueRetiresAt(ROTATED)).isNull();
        assertThat(Overlap.ONE_DAY.oldValueRetiresAt(ROTATED)).isEqualTo(ROTATED.plus(Duration.ofHours(24)));
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static Rotation rotation(boolean untilFirstUse) {
        return new Rotation(new TokenId(1), new TokenHint("tkp_Zz99…yyyy"), ROTATED, RETIRES, untilFirstUse);
    }
}
