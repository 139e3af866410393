package io.tokenkeeper.app.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import io.tokenkeeper.domain.account.SignInRefused;
import io.tokenkeeper.domain.account.SingleSignOn;
import io.tokenkeeper.domain.audit.SignInAudit;
import io.tokenkeeper.domain.identity.IdentityClaims;
import io.tokenkeeper.domain.identity.IdentityLink;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in through the company's identity provider on the browser chain, when {@code tokenkeeper.oidc.issuer-uri} is
 * set: Spring Security's OAuth2 login (authorization code with PKCE; state, nonce, issuer, audience, signature and
 * expiry checked) from {@value #SIGN_IN_PATH} to {@code /login/oauth2/code/oidc}. The domain's {@link SingleSignOn}
 * decides which account the person gets. A failure goes back to the sign-in page with a reason code and is audited;
 * signing out ends the provider's session too where the provider offers that (RP-initiated logout).
 */
@Component
class SingleSignOnLogin {

    static final String SIGN_IN_PATH = "/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION_ID;
    static final String CALLBACK_PATH = "/login/oauth2/code/" + SingleSignOnProperties.REGISTRATION_ID;

    /** Where a failed sign-in through the provider lands; the sign-in page explains each reason. */
    static final String FAILED = "/login?sso=";

    /** The error codes of refusals the domain already audited. */
    private static final String REFUSED = "tokenkeeper_refused_";

    private final SingleSignOnProperties settings;
    private final @Nullable IdentityProviderRegistration registration;
    private final SingleSignOn singleSignOn;
    private final SignInAudit audit;
    private final SessionGuard sessions;
    private final OidcUserService provider = new OidcUserService();

    SingleSignOnLogin(
            SingleSignOnProperties settings,
            SingleSignOn singleSignOn,
            SignInAudit audit,
            SessionGuard sessions,
            Clock clock) {
        this.settings = settings;
        this.registration = settings.isConfigured() ? new IdentityProviderRegistration(settings, clock) : null;
        this.singleSignOn = singleSignOn;
        this.audit = audit;
        this.sessions = sessions;
    }

    boolean isConfigured() {
        return registration != null;
    }

    String providerName() {
        return settings.name();
    }

    @Nullable
    String issuer() {
        return settings.issuerUri();
    }

    /** Adds the provider's sign-in to the browser chain; nothing when single sign-on is off. */
    void configure(HttpSecurity http) throws Exception {
        if (registration == null) {
            return;
        }
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registration)
                .authorizedClientRepository(new NothingKept())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::signIn))
                .failureHandler(this::failed)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(SingleSignOnLogin.this::unavailable);
                        return filter;
                    }
                }));
    }

    /**
     * Signing out: where the provider offers RP-initiated logout, on to it (with the ID token as a hint) and back to
     * {@code signedOutPath}; otherwise straight to {@code signedOutPath}. Empty when single sign-on is off.
     */
    Optional<LogoutSuccessHandler> logoutSuccessHandler(String signedOutPath) {
        if (registration == null) {
            return Optional.empty();
        }
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registration) {
            @Override
            protected void handle(HttpServletRequest request, HttpServletResponse response, Authentication signedOut)
                    throws IOException, ServletException {
                if (response == null) {
                    // Vaadin signs out during a push request without a response; it navigates through the UI.
                    getRedirectStrategy().sendRedirect(request, null, determineTargetUrl(request, null, signedOut));
                } else {
                    super.handle(request, response, signedOut);
                }
            }
        };
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        handler.setPostLogoutRedirectUri("{baseUrl}" + signedOutPath);
        handler.setDefaultTargetUrl(signedOutPath);
        return Optional.of(handler);
    }

    /** The provider vouched for the person (its answer checked by Spring Security); the domain decides the rest. */
    private OidcUser signIn(OidcUserRequest request) {
        var vouched = provider.loadUser(request);
        IdentityClaims claims;
        try {
            claims = new IdentityClaims(
                    new IdentityLink.Subject(vouched.getIdToken().getIssuer().toString(), vouched.getSubject()),
                    text(vouched.getClaims().get(settings.usernameClaim())),
                    displayName(vouched),
                    vouched.getEmail(),
                    groups(vouched.getClaims().get(settings.groupsClaim())));
        } catch (IllegalArgumentException unusable) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_id_token", "The issuer or subject is too long to keep", null));
        }
        try {
            var user = singleSignOn.signIn(claims, settings.name(), clientAddress());
            var signedIn = new SingleSignOnUser(user, vouched.getIdToken(), settings.name());
            // The sign-in may have changed the account's privileges: the session it opens is the current one, even
            // before this node hears of the change from the feed.
            sessions.remember(user.id(), signedIn.fingerprint());
            return signedIn;
        } catch (SignInRefused refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    REFUSED + refused.reason().name().toLowerCase(Locale.ROOT), refused.getMessage(), null));
        }
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        var code = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "";
        if (code.startsWith(REFUSED)) {
            response.sendRedirect(request.getContextPath() + FAILED + code.substring(REFUSED.length()));
            return;
        }
        audit.singleSignOnFailed("Through " + settings.name() + ": " + describe(failure), request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + FAILED + "failed");
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        audit.singleSignOnFailed(
                "Through " + settings.name() + ": the identity provider could not be reached", request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + FAILED + "unavailable");
    }

    private static String describe(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            var error = oauth.getError();
            return error.getDescription() == null
                    ? error.getErrorCode()
                    : error.getErrorCode() + ": " + error.getDescription();
        }
        return failure.getClass().getSimpleName();
    }

    private static @Nullable String displayName(OidcUser vouched) {
        if (vouched.getFullName() != null && !vouched.getFullName().isBlank()) {
            return vouched.getFullName();
        }
        var joined = (Objects.requireNonNullElse(vouched.getGivenName(), "") + " "
                        + Objects.requireNonNullElse(vouched.getFamilyName(), ""))
                .strip();
        return joined.isEmpty() ? null : joined;
    }

    private static @Nullable String text(@Nullable Object claim) {
        return claim == null ? null : claim.toString();
    }

    /** A groups claim is a list of names or ids; a single value counts as a list of one. */
    private static List<String> groups(@Nullable Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .filter(value -> value != null)
                    .map(Object::toString)
                    .toList();
        }
        return claim == null ? List.of() : List.of(claim.toString());
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    /**
     * Tokenkeeper keeps none of the provider's access or refresh tokens: it calls nothing at the provider after the
     * sign-in.
     */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
