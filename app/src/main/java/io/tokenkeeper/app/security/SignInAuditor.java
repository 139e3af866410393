package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.audit.SignInAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Writes sign-ins and failed sign-in attempts to the audit trail. */
@Component
class SignInAuditor {

    private final SignInAudit signIns;

    SignInAuditor(SignInAudit signIns) {
        this.signIns = signIns;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser principal) {
            signIns.signedIn(principal.userId(), clientAddress(event.getAuthentication()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var attempt = event.getAuthentication();
        String reason = event.getException() instanceof DisabledException
                ? "The account is disabled"
                : "Wrong username or password";
        signIns.signInFailed(String.valueOf(attempt.getName()), reason, clientAddress(attempt));
    }

    private static @Nullable String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
