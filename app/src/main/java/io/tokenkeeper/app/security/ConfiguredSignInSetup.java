package io.tokenkeeper.app.security;

import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.ui.base.SignInSetup;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** How people sign in, from the single sign-on settings and the sign-in policy, for the views. */
@Component
class ConfiguredSignInSetup implements SignInSetup {

    /** Where the identity provider's provisioning finds SCIM. */
    static final String SCIM_BASE_PATH = "/scim/v2";

    private final SingleSignOnLogin singleSignOn;
    private final PolicyService policies;

    ConfiguredSignInSetup(SingleSignOnLogin singleSignOn, PolicyService policies) {
        this.singleSignOn = singleSignOn;
        this.policies = policies;
    }

    @Override
    public Optional<String> identityProvider() {
        return singleSignOn.isConfigured() ? Optional.of(singleSignOn.providerName()) : Optional.empty();
    }

    @Override
    public String singleSignOnPath() {
        return SingleSignOnLogin.SIGN_IN_PATH;
    }

    @Override
    public Optional<String> issuer() {
        return singleSignOn.isConfigured() ? Optional.ofNullable(singleSignOn.issuer()) : Optional.empty();
    }

    @Override
    public String redirectUri() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(SingleSignOnLogin.CALLBACK_PATH)
                .toUriString();
    }

    @Override
    public String scimBaseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(SCIM_BASE_PATH)
                .toUriString();
    }

    @Override
    public boolean passwordSignInAdministratorsOnly() {
        return policies.signInPolicy().passwordSignInAdministratorsOnly();
    }
}
