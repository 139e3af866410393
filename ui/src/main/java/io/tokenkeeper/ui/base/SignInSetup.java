package io.tokenkeeper.ui.base;

import java.util.Optional;

/** How people sign in, as the application is configured. Supplied by the application module. */
public interface SignInSetup {

    /** The identity provider's name, as in "Sign in with …"; empty when single sign-on is off. */
    Optional<String> identityProvider();

    /** Where "Sign in with …" leads: the start of a sign-in through the provider. */
    String singleSignOnPath();

    /** The provider's issuer, when single sign-on is on. */
    Optional<String> issuer();

    /** The redirect URI to register at the provider, as the current request reached Tokenkeeper. */
    String redirectUri();

    /** The SCIM base URL to give the provider's provisioning, as the current request reached Tokenkeeper. */
    String scimBaseUrl();

    /** Whether the sign-in form takes administrators' passwords only (the sign-in policy). */
    boolean passwordSignInAdministratorsOnly();
}
