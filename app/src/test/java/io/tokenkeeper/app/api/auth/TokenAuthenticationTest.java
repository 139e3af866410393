package io.tokenkeeper.app.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenHint;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenName;
import io.tokenkeeper.domain.token.TokenSecret;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;

class TokenAuthenticationTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final TokenSecret SECRET = TokenSecret.generate(new SecureRandom());

    @Test
    void the_roles_are_the_owners_privileges_whatever_their_combination() {
        assertThat(roles(authentication(Set.of()))).isEmpty();
        assertThat(roles(authentication(Set.of(Privilege.API_ACCESS)))).containsExactly("ROLE_API_ACCESS");
        assertThat(roles(authentication(Set.of(Privilege.ADMINISTRATOR)))).containsExactly("ROLE_ADMINISTRATOR");
        assertThat(roles(authentication(EnumSet.allOf(Privilege.class))))
                .containsExactlyInAnyOrder("ROLE_API_ACCESS", "ROLE_ADMINISTRATOR");
    }

    @Test
    void the_roles_cannot_be_changed_by_whoever_reads_them() {
        var authorities = authentication(Set.of(Privilege.API_ACCESS)).getAuthorities();

        assertThatThrownBy(() -> authorities.add(authorities.getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(roles(authentication(Set.of(Privilege.API_ACCESS)))).containsExactly("ROLE_API_ACCESS");
    }

    @Test
    void it_names_the_owner_and_keeps_the_caller_but_never_the_token_value() {
        var authentication = authentication(Set.of(Privilege.API_ACCESS));

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(authentication.getPrincipal().clientAddress()).isEqualTo("203.0.113.7");
        assertThat(authentication.getCredentials()).isEqualTo("");
        assertThat(authentication.getDetails()).isNull();
        assertThat(authentication.toString()).contains("alice", "42").doesNotContain(SECRET.reveal());
    }

    @Test
    void it_is_authenticated_until_taken_back_and_cannot_be_given_back() {
        var authentication = authentication(Set.of(Privilege.API_ACCESS));
        assertThat(authentication.isAuthenticated()).isTrue();

        authentication.setAuthenticated(false);

        assertThat(authentication.isAuthenticated()).isFalse();
        assertThatThrownBy(() -> authentication.setAuthenticated(true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(authentication.isAuthenticated()).isFalse();
    }

    private static Set<String> roles(TokenAuthentication authentication) {
        return AuthorityUtils.authorityListToSet(authentication.getAuthorities());
    }

    private static TokenAuthentication authentication(Set<Privilege> privileges) {
        var owner = new User(
                new UserId(7),
                new Username("alice"),
                DisplayName.of("Alice"),
                null,
                true,
                privileges,
                CREATED,
                CREATED);
        var token = new Token(
                new TokenId(42),
                owner.id(),
                TokenName.of("CI"),
                new TokenHint(SECRET.hint().value()),
                true,
                CREATED,
                null,
                null,
                null,
                null);
        return new TokenAuthentication(new ApiCaller(new TokenGrant(token, owner), "203.0.113.7"));
    }
}
