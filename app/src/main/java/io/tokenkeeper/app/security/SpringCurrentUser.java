package io.tokenkeeper.app.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.ui.base.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** The signed-in user of the current Vaadin request, read fresh from the database on every call. */
@Component
class SpringCurrentUser implements CurrentUser {

    private final AuthenticationContext authentication;
    private final UserStore users;
    private final SessionGuard guard;

    SpringCurrentUser(AuthenticationContext authentication, UserStore users, SessionGuard guard) {
        this.authentication = authentication;
        this.users = users;
        this.guard = guard;
    }

    @Override
    public boolean isSignedIn() {
        return authentication.getAuthenticatedUser(SignedInUser.class).isPresent();
    }

    @Override
    public User user() {
        return authentication
                .getAuthenticatedUser(SignedInUser.class)
                .flatMap(principal -> users.findById(principal.userId()))
                .orElseThrow(() -> new NotAllowedException("Sign in again to continue."));
    }

    @Override
    public Actor actor() {
        return new Actor(user(), clientAddress());
    }

    /**
     * The user changed their own password: this session takes the account's new fingerprint, so that it stays signed
     * in while the user's other sessions end ({@link SessionGuard}).
     */
    @Override
    public void credentialsChanged() {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        if (previous == null || !(previous.getPrincipal() instanceof SignedInUser principal)) {
            return;
        }
        var user = users.findById(principal.userId()).orElseThrow();
        var hash = users.passwordHash(user.id()).orElseThrow();
        var renewed = new SignedInUser(user, hash);
        renewed.eraseCredentials();
        guard.remember(user.id(), SessionGuard.fingerprint(user, hash));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities());
        authentication.setDetails(previous.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.getSession()
                    .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    /** Spring Security's logout; {@link SignInAuditor} records it. */
    @Override
    public void signOut() {
        authentication.logout();
    }

    private static @Nullable String clientAddress() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
