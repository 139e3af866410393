package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.user.UserStore;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs people in against the users in the database. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserStore users;

    DatabaseUserDetailsService(UserStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        var hash = users.passwordHash(user.id()).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        return new SignedInUser(user, hash);
    }
}
