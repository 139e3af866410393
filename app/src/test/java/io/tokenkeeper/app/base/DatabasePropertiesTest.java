package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {

    @Test
    void the_embedded_database_keeps_its_data_in_the_home_directory_by_default() {
        var settings = Settings.bind("tokenkeeper.database", DatabaseProperties.class, Map.of());

        assertThat(settings.directory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".tokenkeeper", "postgres"));
    }

    @Test
    void the_database_directory_variable_moves_it() {
        var settings = Settings.bind(
                "tokenkeeper.database",
                DatabaseProperties.class,
                Map.of("TOKENKEEPER_DATABASE_DIRECTORY", "/srv/tokenkeeper"));

        assertThat(settings.directory()).isEqualTo(Path.of("/srv/tokenkeeper"));
    }
}
