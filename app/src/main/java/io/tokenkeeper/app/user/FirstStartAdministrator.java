package io.tokenkeeper.app.user;

import io.tokenkeeper.domain.account.FirstAdministrator;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * On a fresh installation (no users yet) creates the administrator {@code admin}. The password is
 * {@code TOKENKEEPER_ADMIN_PASSWORD}, or a generated one that is printed here once and never again.
 */
@Component
class FirstStartAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdministrator.class);

    private final FirstAdministrator firstAdministrator;
    private final SecureRandom random;
    private final ApplicationContext context;
    private final @Nullable String configuredPassword;

    FirstStartAdministrator(
            FirstAdministrator firstAdministrator,
            SecureRandom random,
            ApplicationContext context,
            AdminProperties settings) {
        this.firstAdministrator = firstAdministrator;
        this.random = random;
        this.context = context;
        this.configuredPassword = settings.initialPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        firstAdministrator.createIfNoUsers(configuredPassword, random).ifPresent(admin -> {
            if (admin.generatedPassword() == null) {
                log.info(
                        "Created the administrator '{}' with the password from TOKENKEEPER_ADMIN_PASSWORD. Sign in at {}",
                        admin.user().username(),
                        signInUrl());
            } else {
                log.warn(
                        "Created the administrator '{}' with the generated password {} - it is shown only this once."
                                + " Sign in at {} and change it under Settings > User Information.",
                        admin.user().username(),
                        admin.generatedPassword(),
                        signInUrl());
            }
        });
    }

    private String signInUrl() {
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort()
                : 8080;
        return "http://localhost:" + port + "/login";
    }
}
