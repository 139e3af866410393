package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.user.Privilege;
import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token, for this request only: never stored in a session. The roles are
 * the owner's privileges ({@code ROLE_API_ACCESS}, {@code ROLE_ADMINISTRATOR}). The token value is not kept.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ApiCaller caller;

    TokenAuthentication(ApiCaller caller) {
        super(caller.user().privileges().stream()
                .map(TokenAuthentication::role)
                .map(SimpleGrantedAuthority::new)
                .toList());
        this.caller = caller;
        setAuthenticated(true);
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
