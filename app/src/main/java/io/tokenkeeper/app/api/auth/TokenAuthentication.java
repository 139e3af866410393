package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.user.Privilege;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token, for this request only: never stored in a session. The roles are
 * the owner's privileges ({@code ROLE_API_ACCESS}, {@code ROLE_ADMINISTRATOR}). The token value is not kept.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ApiCaller caller;

    /** One authority per privilege, made once: every authenticated request needs them. */
    private static final Map<Privilege, GrantedAuthority> ROLES = new EnumMap<>(Privilege.class);

    static {
        for (var privilege : Privilege.values()) {
            ROLES.put(privilege, new SimpleGrantedAuthority(role(privilege)));
        }
    }

    TokenAuthentication(ApiCaller caller) {
        super(roles(caller.user().privileges()));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> roles(Collection<Privilege> privileges) {
        var roles = new ArrayList<GrantedAuthority>(privileges.size());
        for (var privilege : privileges) {
            roles.add(ROLES.get(privilege));
        }
        return roles;
    }

    static String role(Privilege privilege) {
        return "ROLE_" + privilege.name();
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

    @Override
    public String getName() {
        return caller.user().username().value();
    }
}
