package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.user.Privilege;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token, for this request only: never stored in a session. The roles are
 * the owner's privileges ({@code ROLE_API_ACCESS}, {@code ROLE_ADMINISTRATOR}). The token value is not kept.
 *
 * <p>Not an {@code AbstractAuthenticationToken}: that copies its authorities into a new list for every instance, and
 * one of these is made for every authenticated API request. Here each combination of privileges has one unmodifiable
 * list, made once.
 */
final class TokenAuthentication implements Authentication {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Privilege[] PRIVILEGES = Privilege.values();

    /** The roles of each set of privileges, by the bits of their ordinals. */
    private static final List<List<GrantedAuthority>> ROLES;

    static {
        var roles = new ArrayList<List<GrantedAuthority>>(1 << PRIVILEGES.length);
        for (int bits = 0; bits < 1 << PRIVILEGES.length; bits++) {
            var set = new ArrayList<GrantedAuthority>(PRIVILEGES.length);
            for (var privilege : PRIVILEGES) {
                if ((bits & 1 << privilege.ordinal()) != 0) {
                    set.add(new SimpleGrantedAuthority(role(privilege)));
                }
            }
            roles.add(List.copyOf(set));
        }
        ROLES = List.copyOf(roles);
    }

    private final transient ApiCaller caller;
    private final List<GrantedAuthority> roles;
    private boolean authenticated = true;

    TokenAuthentication(ApiCaller caller) {
        this.caller = caller;
        this.roles = roles(caller.user().privileges());
    }

    private static List<GrantedAuthority> roles(Set<Privilege> privileges) {
        int bits = 0;
        for (var privilege : PRIVILEGES) {
            if (privileges.contains(privilege)) {
                bits |= 1 << privilege.ordinal();
            }
        }
        return ROLES.get(bits);
    }

    static String role(Privilege privilege) {
        return "ROLE_" + privilege.name();
    }

    @Override
    public List<GrantedAuthority> getAuthorities() {
        return roles;
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    /** The token value is dropped once verified. */
    @Override
    public Object getCredentials() {
        return "";
    }

    /** Nothing beyond the caller, which {@link #getPrincipal()} gives. */
    @Override
    public @Nullable Object getDetails() {
        return null;
    }

    @Override
    public boolean isAuthenticated() {
        return authenticated;
    }

    /** Spring Security may take the authentication back; nothing may grant it. */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated && !this.authenticated) {
            throw new IllegalArgumentException("A token authentication that was taken back cannot be given again");
        }
        this.authenticated = authenticated;
    }

    @Override
    public String getName() {
        return caller.user().username().value();
    }

    /** The user and the token's id: never the value, which is not kept. */
    @Override
    public String toString() {
        return "TokenAuthentication[user=" + getName() + ", token="
                + caller.token().id().value() + ", roles=" + roles + "]";
    }
}
