package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.provisioning.ProvisioningToken;
import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A SCIM request authenticated by a provisioning token; good for {@code /scim/v2} only. */
final class ProvisioningAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String AUTHORITY = "SCIM_PROVISIONING";

    private final transient ProvisioningToken token;

    ProvisioningAuthentication(ProvisioningToken token) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ProvisioningToken getPrincipal() {
        return token;
    }

    @Override
    public String getName() {
        return token.name();
    }
}
