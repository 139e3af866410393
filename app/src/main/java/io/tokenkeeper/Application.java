package io.tokenkeeper;

import io.tokenkeeper.app.base.EmbeddedDatabaseStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tokenkeeper. Sits in the root package on purpose: Vaadin looks for routes below the auto-configuration package,
 * and the views live in {@code io.tokenkeeper.ui}. Its {@code tokenkeeper.*} settings are bound by the
 * {@code @ConfigurationProperties} records of the packages that use them, with their defaults.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        var application = new SpringApplication(Application.class);
        application.addInitializers(new EmbeddedDatabaseStart());
        application.run(args);
    }
}
