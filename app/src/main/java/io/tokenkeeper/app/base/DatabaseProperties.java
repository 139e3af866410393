package io.tokenkeeper.app.base;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenkeeper.database.*} ({@code TOKENKEEPER_DATABASE_DIRECTORY}): where the embedded PostgreSQL keeps its
 * data when no {@code spring.datasource.url} is set; {@code ~/.tokenkeeper/postgres} unless set.
 */
@ConfigurationProperties("tokenkeeper.database")
record DatabaseProperties(Path directory) {

    DatabaseProperties(@Nullable Path directory) {
        this.directory =
                directory != null ? directory : Path.of(System.getProperty("user.home"), ".tokenkeeper", "postgres");
    }
}
