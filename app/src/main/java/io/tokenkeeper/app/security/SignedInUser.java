package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the HTTP session after sign-in: the user's id and name and the roles they had then. The
 * password hash is dropped as soon as the sign-in succeeds. A sign-in through the identity provider is a
 * {@link SingleSignOnUser}.
 */
sealed class SignedInUser implements UserDetails, CredentialsContainer permits SingleSignOnUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final boolean enabled;
    private final boolean passwordSignInAllowed;
    private final List<SimpleGrantedAuthority> authorities;
    private final String fingerprint;
    private @Nullable String passwordHash;

    SignedInUser(User user, @Nullable String passwordHash) {
        this(user, passwordHash, true);
    }

    /**
     * @param passwordSignInAllowed false when the policy keeps the form for administrators and this is not one: the
     *     form then refuses the account before it checks the password ({@link #isAccountNonLocked()})
     */
    SignedInUser(User user, @Nullable String passwordHash, boolean passwordSignInAllowed) {
        this.userId = user.id().value();
        this.username = user.username().value();
        this.enabled = user.enabled();
        this.passwordSignInAllowed = passwordSignInAllowed;
        this.authorities = user.privileges().stream()
                .map(SignedInUser::role)
                .map(SimpleGrantedAuthority::new)
                .toList();
        this.passwordHash = passwordHash;
        this.fingerprint = SessionGuard.fingerprint(user, passwordHash);
    }

    /** What the account was at sign-in: {@link SessionGuard} ends the session when it is no longer so. */
    String fingerprint() {
        return fingerprint;
    }

    static String role(Privilege privilege) {
        return "ROLE_" + privilege.name();
    }

    UserId userId() {
        return new UserId(userId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return passwordSignInAllowed;
    }

    @Override
    public final void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + username + "]";
    }
}
