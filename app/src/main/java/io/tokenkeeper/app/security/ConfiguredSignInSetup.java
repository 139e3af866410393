package io.tokenkeeper.app.security;

import com.vaadin.flow.server.VaadinServletRequest;
import io.tokenkeeper.domain.policy.PolicyService;
import io.tokenkeeper.ui.base.SignInSetup;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
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
        return address(SingleSignOnLogin.CALLBACK_PATH);
    }

    @Override
    public String scimBaseUrl() {
        return address(SCIM_BASE_PATH);
    }

    /** The absolute address of {@code path} as the current request (a page's or Vaadin's own) reached Tokenkeeper. */
    private static String address(String path) {
        HttpServletRequest request = null;
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest vaadin) {
            request = vaadin.getHttpServletRequest();
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            request = attributes.getRequest();
        }
        return request == null
                ? path
                : ServletUriComponentsBuilder.fromContextPath(request)
                        .path(path)
                        .toUriString();
    }

    @Override
    public boolean passwordSignInAdministratorsOnly() {
        return policies.signInPolicy().passwordSignInAdministratorsOnly();
    }
}
