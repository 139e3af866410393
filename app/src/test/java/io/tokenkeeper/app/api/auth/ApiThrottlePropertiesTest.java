package io.tokenkeeper.app.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.app.base.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiThrottlePropertiesTest {

    @Test
    void an_address_is_throttled_after_30_failures_within_3_minutes_by_default() {
        var settings = Settings.bind("tokenkeeper.api.throttle", ApiThrottleProperties.class, Map.of());

        assertThat(settings.failures()).isEqualTo(30);
        assertThat(settings.period()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void environment_variables_named_after_the_settings_change_them() {
        var settings = Settings.bind(
                "tokenkeeper.api.throttle",
                ApiThrottleProperties.class,
                Map.of("TOKENKEEPER_API_THROTTLE_FAILURES", "5", "TOKENKEEPER_API_THROTTLE_PERIOD", "1m"));

        assertThat(settings.failures()).isEqualTo(5);
        assertThat(settings.period()).isEqualTo(Duration.ofMinutes(1));
    }
}
