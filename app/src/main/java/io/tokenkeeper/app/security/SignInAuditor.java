package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.audit.SignInAudit;
import io.tokenkeeper.domain.policy.PolicyService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins, failed sign-in attempts and sign-outs to the audit trail, from Spring Security's events: a
 * sign-out is recorded however it happens (the menu's Sign out, or a form posting to {@code /logout}). A sign-in says
 * whether it went through the identity provider, and a password sign-in while the policy keeps the form for
 * administrators says it was the break-glass path. Failed sign-ins through the provider are audited where they are
 * handled ({@link SingleSignOnLogin}, the domain's single sign-on).
 */
@Component
class SignInAuditor {

    static final String BREAK_GLASS =
            "Signed in with a password while password sign-in is limited to administrators (break-glass)";
    static final String PASSWORD_SIGN_IN_LIMITED =
            "Password sign-in is limited to administrators; this account signs in" + " through the identity provider";

    private final SignInAudit signIns;
    private final PolicyService policies;

    SignInAuditor(SignInAudit signIns, PolicyService policies) {
        this.signIns = signIns;
        this.policies = policies;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        var address = clientAddress(event.getAuthentication());
        if (event.getAuthentication().getPrincipal() instanceof SingleSignOnUser principal) {
            signIns.signedIn(principal.userId(), "Signed in through " + principal.provider(), address);
        } else if (event.getAuthentication().getPrincipal() instanceof SignedInUser principal) {
            signIns.signedIn(
                    principal.userId(),
                    policies.signInPolicy().passwordSignInAdministratorsOnly() ? BREAK_GLASS : "Signed in",
                    address);
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
        if (event.getException() instanceof OAuth2AuthenticationException) {
            return;
        }
        var attempt = event.getAuthentication();
        String reason =
                switch (event.getException()) {
                    case DisabledException disabled -> "The account is disabled";
                    case LockedException passwordSignInLimited -> PASSWORD_SIGN_IN_LIMITED;
                    default -> "Wrong username or password";
                };
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
