package io.tokenkeeper.app.base;

import io.tokenkeeper.persistence.base.RequiredExtensions;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Flyway runs the migrations at start-up (Spring Boot's auto-configuration); this adds the checks before them. */
@Configuration(proxyBeanMethods = false)
class FlywayConfig {

    @Bean
    Callback requiredExtensions() {
        return new RequiredExtensions();
    }
}
