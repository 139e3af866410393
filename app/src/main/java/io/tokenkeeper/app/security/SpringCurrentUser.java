package io.tokenkeeper.app.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
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

    SpringCurrentUser(AuthenticationContext authentication, UserStore users) {
        this.authentication = authentication;
        this.users = users;
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
