package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.app.base.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebPropertiesTest {

    @Test
    void plain_http_works_by_default() {
        assertThat(Settings.bind("tokenkeeper.web", WebProperties.class, Map.of())
                        .httpsOnly())
                .isFalse();
        assertThat(Settings.bind("server.servlet.session.cookie.secure", Boolean.class, Map.of()))
                .isFalse();
    }

    @Test
    void the_https_only_variable_switches_on_hsts_and_secure_session_cookies() {
        var variables = Map.<String, Object>of("TOKENKEEPER_HTTPS_ONLY", "true");

        assertThat(Settings.bind("tokenkeeper.web", WebProperties.class, variables)
                        .httpsOnly())
                .isTrue();
        assertThat(Settings.bind("server.servlet.session.cookie.secure", Boolean.class, variables))
                .isTrue();
    }
}
