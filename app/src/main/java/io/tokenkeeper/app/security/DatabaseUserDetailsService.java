package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.domain.user.UserStore;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signs people in against the users in the database. An account without a password (the identity provider manages
 * it) is unknown to the form; when the sign-in policy keeps the form for administrators, anyone else is refused before
 * the password is checked.
 */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserStore users;
    private final PolicyService policies;

    DatabaseUserDetailsService(UserStore users, PolicyService policies) {
        this.users = users;
        this.policies = policies;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        var hash = users.passwordHash(user.id()).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        boolean allowed = user.mayAdminister() || !policies.signInPolicy().passwordSignInAdministratorsOnly();
        return new SignedInUser(user, hash, allowed);
    }
}
