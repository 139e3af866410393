package io.tokenkeeper.app.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresentedCredentialTest {

    private static final String VALUE = "tk_value";

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
    void a_bearer_scheme_in_any_case_offers_the_rest_as_the_value(String scheme) {
        var credential = PresentedCredential.parse(scheme + " " + VALUE);

        assertThat(credential).isNotNull();
        assertThat(credential.value()).isEqualTo(VALUE);
        assertThat(credential.username()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC"})
    void a_basic_scheme_in_any_case_offers_the_password_and_the_username(String scheme) {
        var encoded = Base64.getEncoder().encodeToString("ann:tk_value".getBytes(StandardCharsets.UTF_8));

        var credential = PresentedCredential.parse(scheme + " " + encoded);

        assertThat(credential).isNotNull();
        assertThat(credential.value()).isEqualTo(VALUE);
        assertThat(credential.username()).isEqualTo("ann");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearertk_value",
                "Bearer",
                " Bearer tk_value",
                "Bearerx tk_value",
                "Bear tk_value",
                "Token tk_value",
                "Digest tk_value",
                "Basic not-base64!",
                "Basic " + "dGtfdmFsdWU=", // "tk_value": no colon, so no username and password
                ""
            })
    void anything_else_offers_nothing(String header) {
        assertThat(PresentedCredential.parse(header)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer tk_value", "Basic YW5uOnRrX3ZhbHVl"})
    void never_shows_the_value(String header) {
        assertThat(PresentedCredential.parse(header))
                .asString()
                .doesNotContain(VALUE)
                .doesNotContain("YW5u");
    }
}
