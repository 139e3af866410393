package io.tokenkeeper.app.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.tokenkeeper.domain.audit.SignInAudit;
import io.tokenkeeper.domain.base.NotAllowedException;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.ui.base.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The signed-in user of the current Vaadin request, read fresh from the database on every call. */
@Component
class SpringCurrentUser implements CurrentUser {

    private final AuthenticationContext authentication;
    private final UserStore users;
    private final SignInAudit signIns;

    SpringCurrentUser(AuthenticationContext authentication, UserStore users, SignInAudit signIns) {
        this.authentication = authentication;
        this.users = users;
        this.signIns = signIns;
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

    @Override
    public void signOut() {
        signIns.signedOut(user().id(), clientAddress());
        authentication.logout();
    }

    private static @Nullable String clientAddress() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
