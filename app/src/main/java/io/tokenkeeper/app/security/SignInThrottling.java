package io.tokenkeeper.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenkeeper.domain.audit.SignInAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link SignInThrottle} to the sign-in form: counts failures and successes from Spring Security's events,
 * and refuses a sign-in posted too soon after failures with {@code /login?throttled}, before the password is checked.
 * Each refusal period is audited once per address and account.
 */
@Component
class SignInThrottling {

    static final String THROTTLED_SIGN_IN = "/login?throttled";
    private static final Duration AUDIT_ONCE_PER = Duration.ofMinutes(1);

    private final SignInThrottle throttle;
    private final SignInAudit audit;
    private final Cache<String, Boolean> recentlyAudited = Caffeine.newBuilder()
            .expireAfterWrite(AUDIT_ONCE_PER)
            .maximumSize(10_000)
            .build();

    SignInThrottling(Clock clock, SignInAudit audit) {
        this.throttle = new SignInThrottle(clock);
        this.audit = audit;
    }

    /** The filter that goes before the form's authentication. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var username = Objects.requireNonNullElse(request.getParameter("username"), "");
                var address = request.getRemoteAddr();
                var wait = throttle.waitFor(address, username);
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                if (recentlyAudited.asMap().putIfAbsent(address + "\n" + username, Boolean.TRUE) == null) {
                    audit.signInThrottled(
                            username,
                            "Refused sign-ins for " + wait.get().seconds() + " s: "
                                    + wait.get().reason(),
                            address);
                }
                response.sendRedirect(request.getContextPath() + THROTTLED_SIGN_IN);
            }
        };
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            // A sign-in through the identity provider: no password was guessed here.
            return;
        }
        var address = address(event.getAuthentication());
        if (address != null) {
            throttle.failed(address, String.valueOf(event.getAuthentication().getName()));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        var address = address(event.getAuthentication());
        if (address != null) {
            throttle.succeeded(address, event.getAuthentication().getName());
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
