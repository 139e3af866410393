package io.tokenkeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tokenkeeper. Sits in the root package on purpose: Vaadin looks for routes below the auto-configuration package,
 * and the views live in {@code io.tokenkeeper.ui}.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
