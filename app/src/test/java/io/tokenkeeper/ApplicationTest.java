package io.tokenkeeper;

import io.tokenkeeper.app.security.TestIdentityProvider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with its embedded PostgreSQL, connected to a real OpenID provider for single
 * sign-on ({@link TestIdentityProvider}). Every test class that carries it shares one Spring context, so the database
 * starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestIdentityProvider.class)
@ActiveProfiles("test")
public @interface ApplicationTest {

    /** The first administrator's password in tests (see application-test.properties). */
    String ADMIN_PASSWORD = "first-start-password-for-tests";
}
