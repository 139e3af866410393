package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.user.User;
import java.io.Serial;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Someone who signed in through the identity provider: the account as Tokenkeeper stores it, plus the provider's ID
 * token, which signing out hands back to the provider so that it ends its own session too. Nothing else of the
 * provider's answer is kept (no access or refresh token).
 */
final class SingleSignOnUser extends SignedInUser implements OidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final String provider;

    SingleSignOnUser(User user, OidcIdToken idToken, String provider) {
        super(user, null);
        this.idToken = idToken;
        this.provider = provider;
    }

    /** The provider's name, as the sign-in page's button says it. */
    String provider() {
        return provider;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    /** Not kept: what Tokenkeeper needs of it is in the account. */
    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
