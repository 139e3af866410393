package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.app.base.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleSignOnPropertiesTest {

    @Test
    void single_sign_on_is_off_unless_an_issuer_is_set() {
        var settings = Settings.bind("tokenkeeper.oidc", SingleSignOnProperties.class, Map.of());

        assertThat(settings.isConfigured()).isFalse();
        assertThat(settings.name()).isEqualTo("SSO");
        assertThat(settings.usernameClaim()).isEqualTo("preferred_username");
        assertThat(settings.groupsClaim()).isEqualTo("groups");
        assertThat(settings.scopes()).containsExactly("openid", "profile", "email");
    }

    @Test
    void the_environment_variables_set_everything() {
        var settings = Settings.bind(
                "tokenkeeper.oidc",
                SingleSignOnProperties.class,
                Map.of(
                        "TOKENKEEPER_OIDC_ISSUER_URI", "https://login.example.com/realms/acme",
                        "TOKENKEEPER_OIDC_CLIENT_ID", "tokenkeeper",
                        "TOKENKEEPER_OIDC_CLIENT_SECRET", "s3cret",
                        "TOKENKEEPER_OIDC_NAME", "Acme SSO",
                        "TOKENKEEPER_OIDC_USERNAME_CLAIM", "email",
                        "TOKENKEEPER_OIDC_GROUPS_CLAIM", "roles",
                        "TOKENKEEPER_OIDC_SCOPES", "openid,profile,email,groups"));

        assertThat(settings.isConfigured()).isTrue();
        assertThat(settings.isPublicClient()).isFalse();
        assertThat(settings.issuerUri()).isEqualTo("https://login.example.com/realms/acme");
        assertThat(settings.name()).isEqualTo("Acme SSO");
        assertThat(settings.usernameClaim()).isEqualTo("email");
        assertThat(settings.groupsClaim()).isEqualTo("roles");
        assertThat(settings.scopes()).containsExactly("openid", "profile", "email", "groups");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void an_issuer_without_a_client_id_stops_the_start_with_a_reason() {
        assertThatThrownBy(() -> Settings.bind(
                        "tokenkeeper.oidc",
                        SingleSignOnProperties.class,
                        Map.of("TOKENKEEPER_OIDC_ISSUER_URI", "https://login.example.com")))
                .hasRootCauseMessage("TOKENKEEPER_OIDC_ISSUER_URI is set but TOKENKEEPER_OIDC_CLIENT_ID is not: set the"
                        + " client id Tokenkeeper has at the identity provider, or unset the issuer to turn single"
                        + " sign-on off.");
    }
}
