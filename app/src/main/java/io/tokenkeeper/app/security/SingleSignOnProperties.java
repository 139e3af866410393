package io.tokenkeeper.app.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenkeeper.oidc.*}: sign-in through the company's OpenID Connect provider. Off unless the issuer is set.
 *
 * @param issuerUri the provider's issuer ({@code TOKENKEEPER_OIDC_ISSUER_URI}); its discovery document is read on the
 *     first sign-in
 * @param clientId Tokenkeeper's client id at the provider ({@code TOKENKEEPER_OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code TOKENKEEPER_OIDC_CLIENT_SECRET}); without one Tokenkeeper is a public client
 *     (PKCE is used either way)
 * @param name what the sign-in page's button says after "Sign in with" ({@code TOKENKEEPER_OIDC_NAME})
 * @param usernameClaim the claim that carries the username ({@code TOKENKEEPER_OIDC_USERNAME_CLAIM})
 * @param groupsClaim the claim that carries the groups ({@code TOKENKEEPER_OIDC_GROUPS_CLAIM})
 * @param scopes the scopes asked for ({@code TOKENKEEPER_OIDC_SCOPES}, comma-separated)
 */
@ConfigurationProperties("tokenkeeper.oidc")
record SingleSignOnProperties(
        @Nullable String issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("SSO") String name,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

    /** The one client registration: the redirect URI to register is {@code <base URL>/login/oauth2/code/oidc}. */
    static final String REGISTRATION_ID = "oidc";

    SingleSignOnProperties {
        if (issuerUri != null && !issuerUri.isBlank() && (clientId == null || clientId.isBlank())) {
            throw new IllegalArgumentException(
                    "TOKENKEEPER_OIDC_ISSUER_URI is set but TOKENKEEPER_OIDC_CLIENT_ID is not: set the client id"
                            + " Tokenkeeper has at the identity provider, or unset the issuer to turn single sign-on off.");
        }
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("TOKENKEEPER_OIDC_SCOPES must include openid.");
        }
    }

    boolean isConfigured() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    boolean isPublicClient() {
        return clientSecret == null || clientSecret.isBlank();
    }

    @Override
    public String toString() {
        return "SingleSignOnProperties[" + issuerUri + ", " + clientId + ", " + name + "]";
    }
}
