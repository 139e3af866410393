package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.user.User;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs a user in for a Karibu test, the way a successful form login would. */
public final class TestSignIn {

    private TestSignIn() {}

    public static void as(User user) {
        var principal = new SignedInUser(user, "");
        principal.eraseCredentials();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    public static boolean isSignedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser;
    }
}
