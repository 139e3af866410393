package io.tokenkeeper.app.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.app.base.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiCachePropertiesTest {

    @Test
    void a_node_trusts_its_cache_for_30_seconds_and_10000_tokens_by_default() {
        var settings = Settings.bind("tokenkeeper.api.cache", ApiCacheProperties.class, Map.of());

        assertThat(settings.lifetime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.size()).isEqualTo(10_000);
    }

    @Test
    void environment_variables_named_after_the_settings_change_them() {
        var settings = Settings.bind(
                "tokenkeeper.api.cache",
                ApiCacheProperties.class,
                Map.of("TOKENKEEPER_API_CACHE_LIFETIME", "5s", "TOKENKEEPER_API_CACHE_SIZE", "50"));

        assertThat(settings.lifetime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.size()).isEqualTo(50);
    }
}
