package io.tokenkeeper.persistence.identity;

import io.tokenkeeper.domain.identity.IdentityClaims;
import io.tokenkeeper.domain.identity.IdentityLink;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/** Fixtures for the single sign-on and provisioning tests: a fixed clock, an issuer, local accounts and claims. */
final class IdentityTestData {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://idp.example.com/realms/acme";
    static final String PROVIDER = "Acme SSO";

    private IdentityTestData() {}

    /** A local account with a password, holding exactly {@code privileges}. */
    static User aLocalAccount(UserStore users, String username, Privilege... privileges) {
        var granted = EnumSet.noneOf(Privilege.class);
        granted.addAll(List.of(privileges));
        return users.create(
                new NewUser(new Username(username), DisplayName.of(username), null, "{test}a password", granted),
                NOW.minusSeconds(3600));
    }

    /** What the provider says about person {@code subject} who calls themself {@code username}. */
    static IdentityClaims claims(String subject, String username, String... groups) {
        return new IdentityClaims(
                new IdentityLink.Subject(ISSUER, subject),
                username,
                username + " Example",
                username + "@example.com",
                List.of(groups));
    }
}
