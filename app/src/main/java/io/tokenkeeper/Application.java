package io.tokenkeeper;

import io.tokenkeeper.app.base.EmbeddedDatabaseStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tokenkeeper. Sits in the root package so that its component scan covers the application ({@code io.tokenkeeper.app})
 * and the views ({@code io.tokenkeeper.ui}, the only package Vaadin scans for routes: {@code VaadinConfig}). Its {@code tokenkeeper.*} settings are bound by the
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
