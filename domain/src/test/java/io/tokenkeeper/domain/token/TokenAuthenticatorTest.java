package io.tokenkeeper.domain.token;

import static io.tokenkeeper.domain.token.TokenTestData.CREATED;
import static io.tokenkeeper.domain.token.TokenTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.token.Verification.Outcome;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAuthenticatorTest {

    private static final Instant NOW = CREATED.plus(Duration.ofDays(10));
    private static final UserId OWNER = new UserId(7);

    private final SecureRandom random = new SecureRandom();
    private final Map<TokenDigest, TokenGrant> stored = new HashMap<>();
    private final List<TokenDigest> lookups = new ArrayList<>();
    private final TokenAuthenticator authenticator = new TokenAuthenticator(
            digest -> {
                lookups.add(digest);
                return Optional.ofNullable(stored.get(digest));
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            address -> true);

    @Test
    void accepts_a_usable_token_of_an_owner_with_api_access() {
        var secret = store(aToken().build(), owner(true, Privilege.API_ACCESS));

        var verification = authenticator.verify(secret.reveal(), null, null);

        assertThat(verification.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(verification.requireGrant().owner().username().value()).isEqualTo("alice");
        assertThat(lookups).containsExactly(secret.digest());
    }

    @Test
    void a_token_narrowed_to_some_addresses_works_only_from_there() {
        var secret = store(
                aToken().allowedFrom("203.0.113.0/24", "2001:db8::/32").build(), owner(true, Privilege.API_ACCESS));

        assertThat(authenticator.verify(secret.reveal(), null, "203.0.113.9").outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(authenticator.verify(secret.reveal(), null, "2001:db8::7").outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(authenticator.verify(secret.reveal(), null, "198.51.100.1").outcome())
                .isEqualTo(Outcome.ADDRESS_NOT_ALLOWED_FOR_TOKEN);
        assertThat(authenticator.verify(secret.reveal(), null, null).outcome())
                .as("an unknown address is not among the allowed ones")
                .isEqualTo(Outcome.ADDRESS_NOT_ALLOWED_FOR_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "tkp_",
                "TKP_abcdefghijklmnopqrstuvwxyz0123456ABCDEF",
                "tkp_abcdefghijklmnopqrstuvwxyz0123456ABCDE",
                "tkp_abcdefghijklmnopqrstuvwxyz0123456ABCDEFG",
                "tkp_abcdefghijklmnopqrstuvwxyz-123456ABCDEF"
            })
    void refuses_a_malformed_value_without_a_lookup(String presented) {
        assertThat(authenticator.verify(presented, null, null).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(authenticator.verify(null, null, null).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(lookups).isEmpty();
    }

    @Test
    void refuses_a_value_with_a_wrong_checksum_without_a_lookup() {
        var value = TokenSecret.generate(random).reveal();
        var last = value.charAt(value.length() - 1);
        var typo = value.substring(0, value.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertThat(authenticator.verify(typo, null, null).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(lookups).isEmpty();
    }

    @Test
    void refuses_a_well_formed_value_no_token_has() {
        var secret = TokenSecret.generate(random);

        assertThat(authenticator.verify(secret.reveal(), null, null).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(lookups).containsExactly(secret.digest());
    }

    @Test
    void refuses_disabled_expired_and_revoked_tokens() {
        var disabled = store(aToken().disabled().build(), owner(true, Privilege.API_ACCESS));
        var expired = store(aToken().expiringAt(NOW).build(), owner(true, Privilege.API_ACCESS));
        var revoked = store(aToken().revokedAt(NOW.minusSeconds(1)).build(), owner(true, Privilege.API_ACCESS));

        for (var secret : List.of(disabled, expired, revoked)) {
            assertThat(authenticator.verify(secret.reveal(), null, null).outcome())
                    .isEqualTo(Outcome.TOKEN_NOT_USABLE);
        }
    }

    @Test
    void accepts_a_token_until_the_instant_it_expires() {
        var secret = store(aToken().expiringAt(NOW.plusNanos(1000)).build(), owner(true, Privilege.API_ACCESS));

        assertThat(authenticator.verify(secret.reveal(), null, null).isAccepted())
                .isTrue();
    }

    @Test
    void refuses_the_token_of_a_disabled_owner_or_one_without_api_access() {
        var disabledOwner = store(aToken().build(), owner(false, Privilege.API_ACCESS));
        var noApiAccess = store(aToken().build(), owner(true, Privilege.ADMINISTRATOR));

        assertThat(authenticator.verify(disabledOwner.reveal(), null, null).outcome())
                .isEqualTo(Outcome.OWNER_NOT_ALLOWED);
        assertThat(authenticator.verify(noApiAccess.reveal(), null, null).outcome())
                .isEqualTo(Outcome.OWNER_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "ALICE", "BOOMI_TOKEN.alice", "boomi_token.Alice"})
    void basic_accepts_the_owner_s_username_plain_or_with_the_boomi_prefix(String username) {
        var secret = store(aToken().build(), owner(true, Privilege.API_ACCESS));

        assertThat(authenticator.verify(secret.reveal(), username, null).isAccepted())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bob", "alice ", "BOOMI_TOKEN.", "BOOMI_TOKEN.bob", "BOOMI_TOKENalice", "xalice"})
    void basic_refuses_any_other_username(String username) {
        var secret = store(aToken().build(), owner(true, Privilege.API_ACCESS));

        assertThat(authenticator.verify(secret.reveal(), username, null).outcome())
                .isEqualTo(Outcome.WRONG_USERNAME);
    }

    @Test
    void can_look_the_token_up_elsewhere_such_as_in_a_cache_only() {
        var secret = store(aToken().build(), owner(true, Privilege.API_ACCESS));
        var grant = stored.get(secret.digest());

        assertThat(authenticator
                        .verify(secret.reveal(), null, null, digest -> Optional.of(grant))
                        .requireGrant())
                .isEqualTo(grant);
        var nothingCached = authenticator.verify(secret.reveal(), null, null, digest -> Optional.empty());
        assertThat(nothingCached.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThatThrownBy(nothingCached::requireGrant).isInstanceOf(IllegalStateException.class);
        assertThat(lookups).isEmpty();
    }

    @Test
    void refuses_a_well_formed_value_from_an_untrusted_address_without_a_lookup() {
        var secret = store(aToken().build(), owner(true, Privilege.API_ACCESS));
        var asked = new ArrayList<String>();
        var onlyFromTheOffice = new TokenAuthenticator(
                digest -> {
                    lookups.add(digest);
                    return Optional.ofNullable(stored.get(digest));
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                address -> {
                    asked.add(String.valueOf(address));
                    return "192.0.2.10".equals(address);
                });

        assertThat(onlyFromTheOffice
                        .verify(secret.reveal(), null, "198.51.100.7")
                        .outcome())
                .isEqualTo(Outcome.ADDRESS_NOT_TRUSTED);
        assertThat(onlyFromTheOffice.verify(secret.reveal(), null, null).outcome())
                .isEqualTo(Outcome.ADDRESS_NOT_TRUSTED);
        assertThat(lookups).isEmpty();

        assertThat(onlyFromTheOffice.verify(secret.reveal(), null, "192.0.2.10").isAccepted())
                .isTrue();
        assertThat(asked).containsExactly("198.51.100.7", "null", "192.0.2.10");
    }

    @Test
    void a_malformed_value_is_refused_as_such_without_asking_about_the_address() {
        var asked = new ArrayList<String>();
        var onlyFromTheOffice =
                new TokenAuthenticator(digest -> Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC), address -> {
                    asked.add(String.valueOf(address));
                    return false;
                });

        assertThat(onlyFromTheOffice.verify("garbage", null, "198.51.100.7").outcome())
                .isEqualTo(Outcome.MALFORMED);
        assertThat(asked).isEmpty();
    }

    @Test
    void a_grant_pairs_a_token_with_its_own_owner() {
        var someoneElse = aToken().ownedBy(new UserId(8)).build();

        assertThatThrownBy(() -> new TokenGrant(someoneElse, owner(true, Privilege.API_ACCESS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TokenSecret store(Token token, User owner) {
        var secret = TokenSecret.generate(random);
        stored.put(secret.digest(), new TokenGrant(token, owner));
        return secret;
    }

    private static User owner(boolean enabled, Privilege... privileges) {
        return new User(
                OWNER,
                new Username("alice"),
                DisplayName.of("Alice"),
                null,
                enabled,
                Set.of(privileges),
                CREATED,
                CREATED);
    }
}
