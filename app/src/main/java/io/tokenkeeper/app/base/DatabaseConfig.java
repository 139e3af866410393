package io.tokenkeeper.app.base;

import io.micrometer.core.instrument.MeterRegistry;
import io.tokenkeeper.persistence.base.RequiredExtensions;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.jooq.ExecuteContext;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The database around the data source of {@link DataSourceConfig}: the checks before
 * Flyway's migrations at start-up, and whether the database can be reached now ({@link DatabaseStatus}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    Callback requiredExtensions() {
        return new RequiredExtensions();
    }

    @Bean
    DatabaseStatus databaseStatus(DataSource dataSource, Clock clock, MeterRegistry metrics) {
        return new DatabaseStatus(dataSource, clock, metrics);
    }

    /**
     * Spring Boot's translation of jOOQ's SQL exceptions, except that it does not log a stack trace for every
     * statement that fails because the database cannot be reached: during an outage that would be one trace per
     * request. {@link DatabaseStatus} logs the outage once; other failures are translated and logged as before.
     */
    @Bean
    ExceptionTranslatorExecuteListener quietDuringOutages() {
        return new ExceptionTranslatorExecuteListener() {
            @Override
            public void exception(ExecuteContext context) {
                if (context.sqlException() != null && DatabaseStatus.isConnectionFailure(context.sqlException())) {
                    context.exception(new DataAccessResourceFailureException(
                            "jOOQ: the database is unreachable", context.sqlException()));
                } else {
                    ExceptionTranslatorExecuteListener.DEFAULT.exception(context);
                }
            }
        };
    }
}
