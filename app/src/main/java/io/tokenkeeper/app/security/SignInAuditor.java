package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.audit.SignInAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins, failed sign-in attempts and sign-outs to the audit trail, from Spring Security's events: a
 * sign-out is recorded however it happens (the menu's Sign out, or a form posting to {@code /logout}).
 */
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
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser principal) {
            signIns.signedOut(principal.userId(), currentRequestAddress());
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

    private static @Nullable String currentRequestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    private static @Nullable String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
