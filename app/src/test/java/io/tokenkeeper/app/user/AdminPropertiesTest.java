package io.tokenkeeper.app.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.app.base.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminPropertiesTest {

    @Test
    void the_first_administrator_s_password_comes_from_its_variable() {
        var settings = Settings.bind(
                "tokenkeeper.admin",
                AdminProperties.class,
                Map.of("TOKENKEEPER_ADMIN_PASSWORD", "a long first password"));

        assertThat(settings.initialPassword()).isEqualTo("a long first password");
    }

    @Test
    void without_the_variable_there_is_no_password_so_one_is_generated() {
        var settings = Settings.bind("tokenkeeper.admin", AdminProperties.class, Map.of());

        assertThat(settings.initialPassword()).isNullOrEmpty();
    }
}
