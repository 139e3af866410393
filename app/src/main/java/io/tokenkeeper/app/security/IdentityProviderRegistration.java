package io.tokenkeeper.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * Tokenkeeper's one client registration at the identity provider, built from the provider's discovery document when
 * it is first needed rather than at start-up: Tokenkeeper starts (and password sign-in works) while the provider is
 * unreachable, and a sign-in a little later finds it. A failed discovery is retried after {@link #RETRY_AFTER}.
 */
final class IdentityProviderRegistration implements ClientRegistrationRepository {

    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderRegistration.class);

    private final SingleSignOnProperties settings;
    private final Clock clock;
    private volatile @Nullable ClientRegistration registration;
    private volatile Instant nextAttempt = Instant.MIN;

    IdentityProviderRegistration(SingleSignOnProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!SingleSignOnProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        var found = registration;
        return found != null ? found : discover();
    }

    private synchronized @Nullable ClientRegistration discover() {
        if (registration != null || clock.instant().isBefore(nextAttempt)) {
            return registration;
        }
        var issuer = Objects.requireNonNull(settings.issuerUri());
        try {
            var builder = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(SingleSignOnProperties.REGISTRATION_ID)
                    .clientName(settings.name())
                    .clientId(settings.clientId())
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(settings.scopes())
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .clientSettings(ClientRegistration.ClientSettings.builder()
                            .requireProofKey(true)
                            .build());
            if (settings.isPublicClient()) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                builder.clientSecret(settings.clientSecret());
            }
            registration = builder.build();
            log.info("Single sign-on through {} ({}) is ready", settings.name(), issuer);
        } catch (RuntimeException unreachable) {
            nextAttempt = clock.instant().plus(RETRY_AFTER);
            log.warn(
                    "Could not read the discovery document of the identity provider {} ({}); single sign-on is"
                            + " unavailable for {} s",
                    issuer,
                    unreachable.getMessage(),
                    RETRY_AFTER.toSeconds());
        }
        return registration;
    }
}
